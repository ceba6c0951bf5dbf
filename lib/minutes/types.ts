/** One meeting, as its minutes' header describes it. */
export interface Meeting {
  /** Stable id: the file's stem when there is a file name, else a hash of the text. */
  id: string;
  /** The file the meeting was parsed from, or null for text given directly. */
  source: string | null;
  /** The title as written (several title lines are joined by one space). */
  title: string;
  /** The committee, working group or council the meeting belongs to. */
  committee: string | null;
  /** The body that runs the meeting, where the text says it (a ministry, a council, a secretariat). */
  organiser: string | null;
  /** The meeting's number (第6回 → 6), where there is one. */
  number: number | null;
  /** ISO `YYYY-MM-DD`, or null when the text gives no date (a warning says so). */
  date: string | null;
  /** The date as written. */
  dateText: string | null;
  /** Start and end time, `HH:MM-HH:MM` (or only `HH:MM`). */
  time: string | null;
  venue: string | null;
  attendees: AttendeeGroup[];
  materials: string[];
  /** Header lines that are none of the fields above; kept so that nothing is lost. */
  notes: string[];
  /** Offset in the source text where the body (the remarks) begins. */
  bodyStart: number;
  /** The official document's http(s) address: a page's canonical link, or a sidecar's `url`; null if unknown. */
  url: string | null;
  /** Who publishes it (総務省), from the page or a sidecar; null if unknown. */
  publisher: string | null;
}

export interface AttendeeGroup {
  /** The group's label as written without brackets (構成員, オブザーバー, 総務省), or null. */
  group: string | null;
  members: string[];
}

/**
 * - `turn`: what one speaker said (a label such as `安田座長)` and the text after it);
 * - `item`: an unattributed bullet, numbered item or paragraph;
 * - `heading`: a section heading; the remarks after it carry its text as `section`.
 */
export type RemarkKind = 'turn' | 'item' | 'heading';

export interface Remark {
  /** Stable while the seed is unchanged: `${meetingId}-r${order}`. */
  id: string;
  meetingId: string;
  /** 1-based position in the body. */
  order: number;
  kind: RemarkKind;
  /** The person's name (or a body such as 事務局, 全員); null when the minutes do not say who spoke. */
  speaker: string | null;
  /** 構成員, 座長, オブザーバー, 委員, 調査官, …; null when there is no role (or for a body). */
  role: string | null;
  /** Organisation written before the name (総務省 酒井調査官 → 総務省). */
  affiliation: string | null;
  /** The speaker label as written, e.g. `岡村構成員）※チャットによるコメント`. */
  label: string | null;
  /** The innermost heading this remark falls under. */
  section: string | null;
  /** Display text: label and bullet markers removed, `**` emphasis removed, page breaks mended. */
  text: string;
  /** Offsets into the source text (JavaScript string indices) covering the whole remark, label included. */
  start: number;
  end: number;
}

export interface ParsedMinutes {
  meeting: Meeting;
  remarks: Remark[];
  warnings: string[];
}
