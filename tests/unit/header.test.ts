// Header layouts of other bodies: key forms, dates on the key's line or the
// next, attendee lists that never end the header nor yield speakers, and
// where the body begins.
import { describe, expect, it } from 'vitest';
import { parseMinutes } from '../../lib/minutes/parse';
import { coverageProblems } from './coverage';

const TITLE = '情報セキュリティ検討会（第１回）議事録';
const BODY = '議事録\n\n○山田委員　本日はよろしくお願いします。\n';
const parse = (header: string, body = BODY) => {
  const text = `${TITLE}\n\n${header}\n\n${body}`;
  return { text, parsed: parseMinutes(text) };
};

describe('date and time keys', () => {
  it.each([
    ['1.日 時\n平成20年10月3日(金) 13 時 00 分~15 時 00 分', '2008-10-03', '13:00-15:00'],
    ['1.日 時\n\n　平成20年10月3日(金) 13 時 00 分~', '2008-10-03', '13:00'],
    ['日 時\n平成20年10月3日(金) 13 時 00 分~', '2008-10-03', '13:00'],
    ['1 日 時 平成13年7月4日 15:00〜17:00', '2001-07-04', '15:00-17:00'],
    ['１．日時：令和元年５月３０日（木）１０:００～１２:００', '2019-05-30', '10:00-12:00'],
    ['１　日時　令和元年５月３０日（木）１０時００分～１２時００分', '2019-05-30', '10:00-12:00'],
    ['(1)日時\n平成20年10月3日（金）13時00分～', '2008-10-03', '13:00'],
    ['（１）日 時：令和２年５月２８日（木）10:00～11:30', '2020-05-28', '10:00-11:30'],
    ['開催日時：2021年3月15日（月）14:00～16:00', '2021-03-15', '14:00-16:00'],
    ['開 催 日 時 ： 令和元年12月5日（木）10:00～12:00', '2019-12-05', '10:00-12:00'],
    ['日時　2008/10/3 13:00-15:00', '2008-10-03', '13:00-15:00'],
    ['【日時】令和3年1月7日（木）午後1時30分～3時', '2021-01-07', '13:30-15:00'],
    ['■日時：令和元年7月3日 14:00～16:00', '2019-07-03', '14:00-16:00'],
    ['① 日時 平成31年4月30日 10時～12時', '2019-04-30', '10:00-12:00'],
    ['一、日時 令和元年7月3日 14:00～16:00', '2019-07-03', '14:00-16:00'],
    ['開催年月日：令和4年2月1日', '2022-02-01', null],
  ])('%s', (header, date, time) => {
    const { text, parsed } = parse(`${header}\n場所：オンライン`);
    expect(parsed.meeting).toMatchObject({ date, time, venue: 'オンライン', title: TITLE });
    expect(parsed.remarks[0]!.text).toBe('議事録');
    expect(coverageProblems(text, parsed)).toEqual([]);
  });
});

type Groups = [group: string | null, members: string[]][];

describe('attendee lists never end the header nor yield speakers', () => {
  it.each<[string, string, Groups]>([
    ['colon groups with no 出席者 key', '場所：オンライン\n構成員：山田座長、鈴木構成員\nオブザーバー：内閣サイバーセキュリティセンター\n事務局：総務省サイバーセキュリティ統括官室', [
      ['構成員', ['山田座長', '鈴木構成員']], ['オブザーバー', ['内閣サイバーセキュリティセンター']], ['事務局', ['総務省サイバーセキュリティ統括官室']],
    ]],
    ['bare group words', '3.出席者\n委員\n村井 純一 委員長、青木 和也 委員\nオブザーバ\n内閣官房情報セキュリティセンター\n警察庁\n事務局\n佐藤 健 情報セキュリティ政策室長', [
      ['委員', ['村井 純一 委員長', '青木 和也 委員']], ['オブザーバ', ['内閣官房情報セキュリティセンター', '警察庁']], ['事務局', ['佐藤 健 情報セキュリティ政策室長']],
    ]],
    ['【】 groups of 氏名 役職 rows', '出席者：\n【構成員】\n山田 太郎　主査\n鈴木 花子　主査代理\n【事務局】\n佐藤 健二　参事官（政策担当）', [
      ['構成員', ['山田 太郎 主査', '鈴木 花子 主査代理']], ['事務局', ['佐藤 健二 参事官（政策担当）']],
    ]],
    ['a group in parentheses right after the venue', '場所：官邸\n（委員）\n山田委員、鈴木委員\n（事務局）\n田中参事官', [
      ['委員', ['山田委員', '鈴木委員']], ['事務局', ['田中参事官']],
    ]],
    ['marked groups', '出席者\n■委員\n山田 太郎 委員長\n＜事務局＞\n田中 一郎 参事官', [
      ['委員', ['山田 太郎 委員長']], ['事務局', ['田中 一郎 参事官']],
    ]],
    ['rows of 役職 氏名 役職', '3 出席者\n本部長　　森川 健一郎　内閣総理大臣\n本部員　　村上 恵子　　教授', [
      [null, ['本部長 森川 健一郎 内閣総理大臣', '本部員 村上 恵子 教授']],
    ]],
  ])('%s', (_name, header, groups) => {
    const { text, parsed } = parse(`日時：令和元年5月30日\n${header}`);
    expect(parsed.meeting.attendees.map((g) => [g.group, g.members])).toEqual(groups);
    expect(parsed.remarks.map((r) => r.text)[0]).toBe('議事録');
    expect(parsed.remarks.filter((r) => r.kind === 'turn').map((r) => r.speaker)).toEqual(['山田']);
    expect(coverageProblems(text, parsed)).toEqual([]);
  });
});

describe('attendee groups before any other field', () => {
  it('reads 構成員：… and 【事務局】 under the title as attendees, not speakers', () => {
    const text = `${TITLE}\n\n構成員：山田座長、鈴木構成員\n【事務局】\n田中参事官\n\n${BODY}`;
    const { meeting, remarks } = parseMinutes(text);
    expect(meeting.attendees).toEqual([{ group: '構成員', members: ['山田座長', '鈴木構成員'] }, { group: '事務局', members: ['田中参事官'] }]);
    expect(remarks.filter((r) => r.kind === 'turn').map((r) => r.speaker)).toEqual(['山田']);
    expect(coverageProblems(text, parseMinutes(text))).toEqual([]);
  });
});

describe('where the body begins', () => {
  it.each<[string, string, string, string | null]>([
    // An agenda followed by the proceedings' own key stays in the header.
    ['agenda, then 議事内容', '日時：令和元年5月30日\n4.議 題\n(1) 開会\n(2) 意見交換\n(3) 閉会', '5.議事内容\n\n○山田委員　本日は。', '5.議事内容'],
    ['agenda, then 議事の経過', '日時：令和元年5月30日\n議事次第\n１．開会\n２．議事', '議事の経過\n\n○山田委員　本日は。', '議事の経過'],
    // An agenda that goes on into the speeches is the body's outline.
    ['議事, then headings and speakers', '日時：令和元年5月30日', '4 議 事\n(1) 開会\n【松田IT担当大臣】\nただいまから開催します。', '4 議 事'],
    ['第1 開会 after the attendees', '日時：令和元年5月30日\n出席者：\n【構成員】\n山田座長、鈴木構成員', '第1　開会\n（山田座長）\n開会します。', '第1　開会'],
    ['■ heading after the materials', '日時：令和元年5月30日\n配付資料：\n資料1 論点（事務局）', '■ 議題１：IoTについて\n山田委員：意見です。', '議題１：IoTについて'],
  ])('%s', (_name, header, body, first) => {
    const { text, parsed } = parse(header, body);
    expect(parsed.remarks[0]!.section).toBe(first);
    expect(parsed.remarks.some((r) => r.kind === 'turn')).toBe(true);
    expect(coverageProblems(text, parsed)).toEqual([]);
  });

  it('keeps the agenda in the notes', () => {
    const { parsed } = parse('日時：令和元年5月30日\n4.議 題\n(1) 開会\n(2) 意見交換', '5.議事録\n\n○山田委員　本日は。');
    expect(parsed.meeting.notes).toEqual(['4.議 題', '(1) 開会', '(2) 意見交換']);
  });

  it('reads 議事録 under the title as the title, not the body', () => {
    const text = '産業構造審議会 情報経済小委員会\n情報セキュリティ基盤ワーキンググループ（第３回）\n議事録\n\n1.日 時\n平成20年10月3日(金) 13 時 00 分~\n\n2.場 所\n経済産業省\n\n議事内容\n○村井委員長　開会します。\n';
    const { meeting, remarks } = parseMinutes(text);
    expect(meeting).toMatchObject({ date: '2008-10-03', time: '13:00', venue: '経済産業省', committee: '情報セキュリティ基盤ワーキンググループ', number: 3 });
    expect(meeting.title).toBe('産業構造審議会 情報経済小委員会 情報セキュリティ基盤ワーキンググループ（第３回） 議事録');
    expect(remarks.map((r) => [r.kind, r.section, r.speaker])).toEqual([['heading', '議事内容', null], ['turn', '議事内容', '村井']]);
  });
});
