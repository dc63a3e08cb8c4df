// Where the student is: the course list or one lesson, in the URL's hash (#/ or
// #/lessons/<id>) so a reload stays put, and remembered so that opening the bare address
// later continues in the last lesson. #/vm is the "VM vs container" page; #/present is the
// instructor's presenter window and #/present/audience the projector's (which runs no VM).
export type Route =
  | { view: 'course' } | { view: 'lesson'; lessonId: string } | { view: 'vm' } | { view: 'present' } | { view: 'audience' };

export const ROUTE_KEY = 'dockhand.route';
const COURSE: Route = { view: 'course' };

/** null when the hash says nothing (empty), else the route it names (unknown lessons → the course). */
export function parseHash(hash: string, known: readonly string[]): Route | null {
  const path = hash.replace(/^#/, '');
  if (!path) return null;
  if (path === '/vm') return { view: 'vm' };
  if (path === '/present') return { view: 'present' };
  if (path === '/present/audience') return { view: 'audience' };
  const match = /^\/lessons\/([a-z0-9-]+)$/.exec(path);
  return match && known.includes(match[1]) ? { view: 'lesson', lessonId: match[1] } : COURSE;
}

export function routeHash(route: Route): string {
  if (route.view === 'vm') return '#/vm';
  if (route.view === 'present') return '#/present';
  if (route.view === 'audience') return '#/present/audience';
  return route.view === 'lesson' ? `#/lessons/${route.lessonId}` : '#/';
}

export function initialRoute(hash: string, storage: Pick<Storage, 'getItem'> | null, known: readonly string[]): Route {
  const fromHash = parseHash(hash, known);
  if (fromHash) return fromHash;
  try {
    return parseHash(storage?.getItem(ROUTE_KEY) ?? '', known) ?? COURSE;
  } catch {
    return COURSE;
  }
}

export function rememberRoute(storage: Pick<Storage, 'setItem'> | null, route: Route): void {
  // the bare address opened later must boot a machine: never make it an audience window
  if (route.view === 'audience') return;
  try {
    storage?.setItem(ROUTE_KEY, routeHash(route));
  } catch {
    // not remembered: only the hash keeps the place
  }
}
