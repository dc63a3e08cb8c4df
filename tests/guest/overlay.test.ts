// Protects overlayfs, which container image layers rely on: writes, deletions (whiteouts) and copy-up go to upper.
import { beforeAll, describe, expect, it } from 'vitest';
import { TEST_TIMEOUT, run, useGuest } from './guest';

const guest = useGuest();
const D = '/tmp/ov';

describe('overlayfs', () => {
  beforeAll(async () => {
    await run(guest(), `
      mkdir -p ${D}/lower ${D}/upper ${D}/work ${D}/merged
      echo original > ${D}/lower/edited; echo doomed > ${D}/lower/deleted; echo untouched > ${D}/lower/kept
      mount -t overlay overlay -o lowerdir=${D}/lower,upperdir=${D}/upper,workdir=${D}/work ${D}/merged
      echo fresh > ${D}/merged/created
      rm ${D}/merged/deleted
      echo appended >> ${D}/merged/edited`);
  }, TEST_TIMEOUT);

  it('is mounted as an overlay with the given layers', async () => {
    const mountinfo = await run(guest(), 'cat /proc/self/mountinfo');
    const line = mountinfo.split('\n').find((l) => l.split(' ')[4] === `${D}/merged`);
    expect(line).toMatch(new RegExp(` - overlay overlay .*lowerdir=${D}/lower,upperdir=${D}/upper,workdir=${D}/work`));
  }, TEST_TIMEOUT);

  it.each([
    // [what, command, expected output]
    ['a new file lands in upper', `cat ${D}/upper/created`, 'fresh'],
    ['...and not in lower', `test -e ${D}/lower/created && echo present || echo absent`, 'absent'],
    ['a deleted lower file becomes a 0,0 character device (whiteout) in upper', `stat -c '%F %t %T' ${D}/upper/deleted`, 'character special file 0 0'],
    ['...while the lower file is still there', `cat ${D}/lower/deleted`, 'doomed'],
    ['...and gone from the merged view', `test -e ${D}/merged/deleted && echo present || echo absent`, 'absent'],
    ['a modified lower file is copied up', `cat ${D}/upper/edited`, 'original\nappended'],
    ['...leaving lower unchanged', `cat ${D}/lower/edited`, 'original'],
    ['an untouched lower file is not copied up', `test -e ${D}/upper/kept && echo present || echo absent`, 'absent'],
    ['...and reads through merged', `cat ${D}/merged/kept`, 'untouched'],
  ])('%s', async (_, cmd, expected) => {
    expect(await run(guest(), cmd)).toBe(expected);
  }, TEST_TIMEOUT);
});
