// Container names: Docker's generator of `adjective_surname` names (moby's namesgenerator,
// most of its adjectives and a selection of its scientists and hackers) and the rules a
// name given with --name must follow.

/** An integer in [0, n), from whatever randomness the caller has (bytes of /dev/urandom). */
export type RandomInt = (n: number) => number;

const LEFT = [
  'admiring', 'adoring', 'affectionate', 'agitated', 'amazing', 'angry', 'awesome', 'beautiful',
  'blissful', 'bold', 'boring', 'brave', 'busy', 'charming', 'clever', 'compassionate', 'competent',
  'condescending', 'confident', 'cool', 'cranky', 'crazy', 'dazzling', 'determined', 'distracted',
  'dreamy', 'eager', 'ecstatic', 'elastic', 'elated', 'elegant', 'eloquent', 'epic', 'exciting',
  'fervent', 'festive', 'flamboyant', 'focused', 'friendly', 'frosty', 'funny', 'gallant', 'gifted',
  'goofy', 'gracious', 'great', 'happy', 'hardcore', 'heuristic', 'hopeful', 'hungry', 'infallible',
  'inspiring', 'intelligent', 'interesting', 'jolly', 'jovial', 'keen', 'kind', 'laughing', 'loving',
  'lucid', 'magical', 'modest', 'musing', 'mystifying', 'naughty', 'nervous', 'nice', 'nifty',
  'nostalgic', 'objective', 'optimistic', 'peaceful', 'pedantic', 'pensive', 'practical', 'priceless',
  'quirky', 'quizzical', 'recursing', 'relaxed', 'reverent', 'romantic', 'sad', 'serene', 'sharp',
  'silly', 'sleepy', 'stoic', 'strange', 'stupefied', 'suspicious', 'sweet', 'tender', 'thirsty',
  'trusting', 'unruffled', 'upbeat', 'vibrant', 'vigilant', 'vigorous', 'wizardly', 'wonderful',
  'xenodochial', 'youthful', 'zealous', 'zen',
] as const;

const RIGHT = [
  'albattani', 'allen', 'almeida', 'archimedes', 'babbage', 'banach', 'bardeen', 'bartik', 'bell',
  'bhabha', 'blackwell', 'bohr', 'booth', 'borg', 'bose', 'brahmagupta', 'brown', 'carson', 'cerf',
  'chandrasekhar', 'curie', 'darwin', 'davinci', 'diffie', 'dijkstra', 'easley', 'einstein', 'elion',
  'engelbart', 'euclid', 'euler', 'fermat', 'fermi', 'feynman', 'franklin', 'galileo', 'goldberg',
  'goodall', 'hamilton', 'hawking', 'heisenberg', 'hodgkin', 'hopper', 'hypatia', 'jennings',
  'johnson', 'kalam', 'keller', 'kepler', 'knuth', 'kowalevski', 'lamarr', 'lamport', 'leakey',
  'lovelace', 'lumiere', 'mccarthy', 'mclean', 'meitner', 'mendel', 'morse', 'napier', 'newton',
  'nobel', 'noether', 'pascal', 'pasteur', 'perlman', 'pike', 'poincare', 'ptolemy', 'ramanujan',
  'ride', 'ritchie', 'shannon', 'shockley', 'sinoussi', 'stallman', 'swartz', 'tesla', 'thompson',
  'torvalds', 'turing', 'varahamihira', 'villani', 'wescoff', 'wiles', 'williams', 'wilson', 'wing',
  'wozniak', 'wright', 'yalow', 'yonath',
] as const;

export const ADJECTIVES: readonly string[] = LEFT;
export const SURNAMES: readonly string[] = RIGHT;

/**
 * One generated name, `eager_hopper`; on a retry (> 0) Docker appends a digit, `eager_hopper7`.
 * `boring_wozniak` is drawn again: "Steve Wozniak is not boring".
 */
export function generateName(random: RandomInt, retry = 0): string {
  for (;;) {
    const name = `${LEFT[random(LEFT.length)]}_${RIGHT[random(RIGHT.length)]}`;
    if (name === 'boring_wozniak') continue;
    return retry > 0 ? `${name}${random(10)}` : name;
  }
}

/** Docker tries six names, then falls back to the container's short ID. */
export function pickName(random: RandomInt, taken: (name: string) => boolean, shortId: string): string {
  for (let retry = 0; retry < 6; retry++) {
    const name = generateName(random, retry);
    if (!taken(name)) return name;
  }
  return shortId;
}

const VALID_NAME = /^[a-zA-Z0-9][a-zA-Z0-9_.-]+$/;

/**
 * Checks a --name: one leading `/` is allowed, the rest must be two or more of
 * `[a-zA-Z0-9_.-]` starting with a letter or digit. Returns the name without `/`, or
 * Docker's error (which quotes the name as given).
 */
export function validateName(name: string): { ok: true; name: string } | { ok: false; error: string } {
  const bare = name.startsWith('/') ? name.slice(1) : name;
  if (VALID_NAME.test(bare)) return { ok: true, name: bare };
  return { ok: false, error: `Invalid container name (${name}), only [a-zA-Z0-9][a-zA-Z0-9_.-] are allowed` };
}

/** The daemon's error when the name belongs to another container (note the `/`). */
export function nameConflict(name: string, id: string): string {
  return `Conflict. The container name "/${name}" is already in use by container "${id}". ` +
    'You have to remove (or rename) that container to be able to reuse that name.';
}
