// The presenter ⇄ audience messages, carried over a BroadcastChannel between windows of one
// browser (nothing leaves the machine). The presenter owns the machine and the presentation;
// the audience only renders what it is told and may pass on a clicker's key. Every message
// names its protocol version and its sender, so a window of another build, or a stale
// presenter, is ignored instead of misread.
import type { EngineState } from '../../protocol/engine';
import type { BuildHistory } from '../viz/build-steps';
import type { LayerChange } from '../viz/layers-layout';
import type { LifecycleHistory } from '../viz/lifecycle-history';
import type { XrayEvent } from '../viz/xray-layout';

export const PROTOCOL_VERSION = 1;
export const CHANNEL_NAME = 'dockhand.present';

export const ZOOM_LEVELS = [1, 1.25, 1.5, 2] as const;
export type Zoom = (typeof ZOOM_LEVELS)[number];

/** What the audience shows besides the terminal: everything is decided by the presenter. */
export interface DisplayState {
  lang: 'ko' | 'en';
  /** null before the presenter picked a lesson */
  lesson: { id: string; title: string } | null;
  step: { index: number; count: number; title: string } | null;
  picture: string;
  blank: boolean;
  zoom: Zoom;
  /** the aria-label of the picture element to highlight */
  spotlight: string | null;
  playing: boolean;
  /** the guest terminal's grid, so the audience's copy wraps lines where the guest does */
  terminal: { cols: number; rows: number };
}

/** What the pictures are drawn from (the presenter's EngineStore, copied). */
export interface PictureSnapshot {
  state: EngineState | null;
  lastXray: XrayEvent | null;
  history: LifecycleHistory;
  builds: BuildHistory;
  changes: LayerChange[];
}

/** A clicker pressed in the audience window: the presenter decides what it means. */
export const REMOTE_ACTIONS = ['next', 'previous', 'blank', 'play'] as const;
export type RemoteAction = (typeof REMOTE_ACTIONS)[number];

export type PresenterBody =
  | { kind: 'show'; display: DisplayState }
  /** terminal output in order; seq counts chunks from 1 per presenter */
  | { kind: 'term'; seq: number; bytes: Uint8Array }
  | { kind: 'picture'; picture: PictureSnapshot }
  /** everything at once, to one window that said hello (`to`) or to all (null) */
  | { kind: 'sync'; to: string | null; display: DisplayState; terminal: { seq: number; bytes: Uint8Array }; picture: PictureSnapshot | null }
  | { kind: 'bye' };

export type AudienceBody =
  | { kind: 'hello' }
  | { kind: 'remote'; action: RemoteAction };

interface Envelope<R extends 'presenter' | 'audience'> { v: typeof PROTOCOL_VERSION; from: string; role: R }
export type PresenterMessage = PresenterBody & Envelope<'presenter'>;
export type AudienceMessage = AudienceBody & Envelope<'audience'>;
export type Message = PresenterMessage | AudienceMessage;

export function presenterMessage(from: string, body: PresenterBody): PresenterMessage {
  return { ...body, v: PROTOCOL_VERSION, from, role: 'presenter' };
}

export function audienceMessage(from: string, body: AudienceBody): AudienceMessage {
  return { ...body, v: PROTOCOL_VERSION, from, role: 'audience' };
}

type Json = Record<string, unknown>;
const isObject = (x: unknown): x is Json => typeof x === 'object' && x !== null && !Array.isArray(x);
const isInt = (x: unknown, min = 0): x is number => Number.isInteger(x) && (x as number) >= min;
const isString = (x: unknown): x is string => typeof x === 'string';

function isDisplay(x: unknown): x is DisplayState {
  if (!isObject(x)) return false;
  const { lesson, step, terminal } = x;
  return (x.lang === 'ko' || x.lang === 'en')
    && (lesson === null || (isObject(lesson) && isString(lesson.id) && isString(lesson.title)))
    && (step === null || (isObject(step) && isInt(step.index) && isInt(step.count, 1) && isString(step.title) && (step.index as number) < (step.count as number)))
    && isString(x.picture) && typeof x.blank === 'boolean' && typeof x.playing === 'boolean'
    && (ZOOM_LEVELS as readonly unknown[]).includes(x.zoom)
    && (x.spotlight === null || isString(x.spotlight))
    && isObject(terminal) && isInt(terminal.cols, 1) && isInt(terminal.rows, 1);
}

// The pictures check their own data when drawing; here only the shape the store needs.
function isPicture(x: unknown): x is PictureSnapshot {
  return isObject(x) && (x.state === null || isObject(x.state)) && (x.lastXray === null || isObject(x.lastXray))
    && isObject(x.history) && isObject(x.builds) && Array.isArray(x.changes);
}

/** The message if it is one of ours, of this version and well formed; null otherwise. */
export function parseMessage(data: unknown): Message | null {
  if (!isObject(data) || data.v !== PROTOCOL_VERSION || !isString(data.from) || !data.from) return null;
  const m = data;
  if (m.role === 'audience') {
    if (m.kind === 'hello') return m as unknown as Message;
    if (m.kind === 'remote' && (REMOTE_ACTIONS as readonly unknown[]).includes(m.action)) return m as unknown as Message;
    return null;
  }
  if (m.role !== 'presenter') return null;
  switch (m.kind) {
    case 'show': return isDisplay(m.display) ? (m as unknown as Message) : null;
    case 'term': return isInt(m.seq, 1) && m.bytes instanceof Uint8Array ? (m as unknown as Message) : null;
    case 'picture': return isPicture(m.picture) ? (m as unknown as Message) : null;
    case 'sync': {
      const t = m.terminal;
      const ok = (m.to === null || isString(m.to)) && isDisplay(m.display)
        && isObject(t) && isInt(t.seq) && t.bytes instanceof Uint8Array && (m.picture === null || isPicture(m.picture));
      return ok ? (m as unknown as Message) : null;
    }
    case 'bye': return m as unknown as Message;
    default: return null;
  }
}
