// Where the presentation is, kept in localStorage so a presenter window closed by mistake
// and opened again continues at the same lesson, step, zoom and picture (and timer).
import { ZOOM_LEVELS, type Zoom } from '../../lib/present/protocol';

export const PLACE_KEY = 'dockhand.present';

export interface PresentPlace { lessonId: string; step: number; startedAt: number; zoom: Zoom; picture: string }

export function loadPlace(storage: Pick<Storage, 'getItem'> | null): PresentPlace | null {
  try {
    const p = JSON.parse(storage?.getItem(PLACE_KEY) ?? 'null') as PresentPlace | null;
    const ok = p && typeof p.lessonId === 'string' && Number.isInteger(p.step) && p.step >= 0 && Number.isFinite(p.startedAt)
      && (ZOOM_LEVELS as readonly number[]).includes(p.zoom) && typeof p.picture === 'string';
    return ok ? p : null;
  } catch {
    return null;
  }
}

export function savePlace(storage: Pick<Storage, 'setItem'> | null, place: PresentPlace): void {
  try {
    storage?.setItem(PLACE_KEY, JSON.stringify(place));
  } catch {
    // not kept: a reopened presenter starts from the lesson list
  }
}

export function forgetPlace(storage: Pick<Storage, 'removeItem'> | null): void {
  try {
    storage?.removeItem(PLACE_KEY);
  } catch {
    // nothing kept anyway
  }
}
