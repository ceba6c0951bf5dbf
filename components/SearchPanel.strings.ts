/**
 * Every string the search panel shows, in one place: Japanese first, English
 * beside it. A later issue moves them to browser.i18n messages.
 */
export const T = {
  title: '議事録レンズ (Minutes Lens)',
  searchLabel: '議事録を検索 (search the minutes)',
  searchPlaceholder: '議事録を検索 / search the minutes',
  hint: '語句を入力すると発言を検索します。「/」で検索欄へ (type a word; press / to come back here)',
  loading: '検索中… (searching…)',
  noResults: '議事録に関連する発言はありません (no related remarks in the minutes)',
  error: (message: string) => `検索できませんでした (search failed): ${message}`,
  openError: (message: string) => `原文を開けませんでした (could not open the passage): ${message}`,
  count: (total: number) => `${total} 件 (${total} ${total === 1 ? 'result' : 'results'})`,
  shown: (shown: number) => `上位 ${shown} 件を表示 (showing the first ${shown})`,
  more: 'さらに表示 (show more)',
  results: '検索結果 (results)',
  filters: '絞り込み (filters)',
  committee: '委員会 (committee)',
  meeting: '会議 (meeting)',
  speaker: '発言者 (speaker)',
  role: '役職 (role)',
  all: (count: number) => `すべて (all)${count ? ` ${count}` : ''}`,
  from: '開始日 (from)',
  to: '終了日 (to)',
  sort: '並び順 (sort)',
  relevance: '関連度順 (relevance)',
  newest: '新しい順 (newest first)',
  clear: '絞り込みを解除 (clear filters)',
} as const;
