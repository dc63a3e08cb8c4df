// One colour-blind-safe palette for every picture: Okabe & Ito (2008), "Color Universal
// Design". Black is replaced by the page's text colour (the page is dark).
export const OKABE_ITO = {
  orange: '#E69F00',
  skyBlue: '#56B4E9',
  green: '#009E73',
  yellow: '#F0E442',
  blue: '#0072B2',
  vermillion: '#D55E00',
  purple: '#CC79A7',
  grey: '#BBBBBB',
} as const;

/** What each colour means, so the pictures agree with each other. */
export const COLORS = {
  host: OKABE_ITO.skyBlue,
  container: OKABE_ITO.orange,
  /** the read-only image layers */
  layer: OKABE_ITO.blue,
  shared: OKABE_ITO.green,
  writable: OKABE_ITO.orange,
  added: OKABE_ITO.green,
  copiedUp: OKABE_ITO.yellow,
  whiteout: OKABE_ITO.vermillion,
  daemon: OKABE_ITO.skyBlue,
  launcher: OKABE_ITO.purple,
  taken: OKABE_ITO.orange,
  idle: '#5b6672',
  grey: OKABE_ITO.grey,
  text: '#e6e9ed',
  muted: '#9aa5b1',
  panel: '#171d24',
  line: '#2a323c',
} as const;

/** Where a mount's data lives (the volumes picture): volumes green, the VM's own paths sky blue like the VM, memory purple. */
export const SOURCE_COLORS = {
  volume: OKABE_ITO.green,
  anonymous: OKABE_ITO.green,
  bind: OKABE_ITO.skyBlue,
  tmpfs: OKABE_ITO.purple,
} as const;

/** The network picture: bridges, veth pairs, published ports; `path`: what the last command's packets crossed (also drawn wider, and named in text). */
export const NET_COLORS = {
  bridge: OKABE_ITO.blue,
  veth: OKABE_ITO.orange,
  port: OKABE_ITO.yellow,
  vm: OKABE_ITO.skyBlue,
  path: OKABE_ITO.vermillion,
} as const;

/** Lifecycle states; 'dead' shares exited's colour. */
export const STATE_COLORS: Record<string, string> = {
  created: OKABE_ITO.skyBlue,
  running: OKABE_ITO.green,
  paused: OKABE_ITO.yellow,
  restarting: OKABE_ITO.purple,
  exited: OKABE_ITO.vermillion,
  removed: OKABE_ITO.grey,
};

/** Smallest font on the pictures, in viewBox units = px at the default width (projector-readable). */
export const MIN_FONT = 14;
/** The default drawing width; the SVGs scale with their viewBox from here. */
export const DEFAULT_WIDTH = 960;
