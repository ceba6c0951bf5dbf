import { GLOSSARY } from '../terms/glossary';

/**
 * English names of the terms the minutes discuss, mapped to the Japanese the
 * minutes use. Reviewed by hand: each Japanese term occurs in the seeds, and
 * each English name is what an English-language article calls it. Keys are
 * lower-case; longer keys win (“supply chain risk” before “supply chain”).
 */
export const ENGLISH_TERMS: Readonly<Record<string, string>> = {
  'information sharing': '情報共有',
  'information-sharing': '情報共有',
  'threat intelligence sharing': '情報共有',
  'cyber insurance': 'サイバー保険',
  'cyber-insurance': 'サイバー保険',
  'cybersecurity insurance': 'サイバー保険',
  telework: 'テレワーク',
  teleworking: 'テレワーク',
  'remote work': 'テレワーク',
  'remote working': 'テレワーク',
  'working from home': 'テレワーク',
  'work from home': 'テレワーク',
  'iot devices': 'IoT機器',
  'iot device': 'IoT機器',
  'iot security': 'IoTセキュリティ',
  'supply chain risk': 'サプライチェーンリスク',
  'supply chain': 'サプライチェーン',
  'supply-chain': 'サプライチェーン',
  'critical infrastructure': '重要インフラ',
  'critical infrastructures': '重要インフラ',
  vulnerability: '脆弱性',
  vulnerabilities: '脆弱性',
  'human resource development': '人材育成',
  'workforce development': '人材育成',
  'talent development': '人材育成',
  'security talent': 'セキュリティ人材',
  'white hat hacker': 'ホワイトハッカー',
  'white-hat hacker': 'ホワイトハッカー',
  'white hat hackers': 'ホワイトハッカー',
  'ethical hacker': 'ホワイトハッカー',
  'penetration testing': '侵入テスト',
  'penetration test': '侵入テスト',
  'red team': 'レッドチーム',
  phishing: 'フィッシング',
  malware: 'マルウェア',
  honeypot: 'ハニーポット',
  honeypots: 'ハニーポット',
  'cloud service': 'クラウドサービス',
  'cloud services': 'クラウドサービス',
  cloud: 'クラウド',
  'zero trust': 'ゼロトラスト',
  anonymization: '匿名化',
  anonymisation: '匿名化',
  privacy: 'プライバシー',
  'personal information': '個人情報',
  'risk management': 'リスク管理',
  incident: 'インシデント',
  incidents: 'インシデント',
  'incident response': 'インシデント対応',
  cybersecurity: 'サイバーセキュリティ',
  'cyber security': 'サイバーセキュリティ',
  'cyber attack': 'サイバー攻撃',
  'cyber attacks': 'サイバー攻撃',
  cyberattack: 'サイバー攻撃',
  cyberattacks: 'サイバー攻撃',
  'cyber crime': 'サイバー犯罪',
  cybercrime: 'サイバー犯罪',
  guideline: 'ガイドライン',
  guidelines: 'ガイドライン',
  'secrecy of communications': '通信の秘密',
  'secrecy of communication': '通信の秘密',
  'functional safety': '機能安全',
  'research ethics': '研究倫理',
  'research and development': '研究開発',
  'r&d': '研究開発',
  'trust services': 'トラストサービス',
  'trust service': 'トラストサービス',
  'telecommunications carriers': '電気通信事業者',
  'telecom carriers': '電気通信事業者',
  'internet service provider': 'ISP',
  'small and medium enterprises': '中小企業',
  smes: '中小企業',
  'small businesses': '中小企業',
  'security measures': 'セキュリティ対策',
  'countermeasures': '対策',
  'certification': '認証',
  'standardization': '標準化',
  'international cooperation': '国際連携',
  'public-private partnership': '官民連携',
  'cyber exercise': 'サイバー防御演習',
  'cyber defense exercise': 'サイバー防御演習',
};

/** The glossary's English names, then the table above (which wins where both name a word). */
const ALL_TERMS: Readonly<Record<string, string>> = {
  ...Object.fromEntries(GLOSSARY.flatMap((t) => t.en.map((en) => [en.toLowerCase(), t.ja] as const))),
  ...ENGLISH_TERMS,
};
const KEYS = Object.keys(ALL_TERMS).sort((a, b) => b.length - a.length);
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\&/]/g, '\\$&');
// A name may be asked in the plural (white hackers, e-seals, honeypots): an s or es after it is part of the match.
const PATTERN = new RegExp(`(?<![a-z0-9])(${KEYS.map(escape).join('|')})(?:e?s)?(?![a-z0-9])`, 'g');

/** Replace English names in a normalised (lower-case) query with their Japanese terms. */
export function expandEnglish(normalizedQuery: string): string {
  return normalizedQuery.replace(PATTERN, (_, name: string) => ` ${ALL_TERMS[name]!} `);
}
