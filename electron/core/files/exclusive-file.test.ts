// The partial files of exports and archives are created exclusively: never through a
// link, never over an existing file.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, test } from 'node:test';
import { tempDirs } from '../testing/temp-dir.js';
import { copyExclusively, openExclusive, writeExclusively } from './exclusive-file.js';

const temp = tempDirs();
after(() => temp.removeAll());

test('openExclusive refuses a name taken by a link (live or dangling) or a file, and the victim is untouched', async () => {
  const dir = temp.make();
  const victim = path.join(dir, 'data.sqlite');
  fs.writeFileSync(victim, 'precious');
  fs.symlinkSync(victim, path.join(dir, 'live'));
  fs.symlinkSync(path.join(dir, 'nowhere'), path.join(dir, 'dangling'));
  for (const name of ['live', 'dangling', 'data.sqlite']) {
    await assert.rejects(openExclusive(path.join(dir, name)), (e: NodeJS.ErrnoException) => e.code === 'EEXIST', name);
  }
  assert.equal(fs.readFileSync(victim, 'utf8'), 'precious');
  assert.ok(!fs.existsSync(path.join(dir, 'nowhere')), 'the dangling link was not followed to create its target');
});

test('writeExclusively replaces a link at the target instead of writing through it, and leaves no partial on failure', async () => {
  const dir = temp.make();
  const victim = path.join(dir, 'victim');
  fs.writeFileSync(victim, 'precious');
  const target = path.join(dir, 'out.csv');
  fs.symlinkSync(victim, target);
  assert.equal(await writeExclusively(target, async (out) => void (await out.write('a,b\n'))), 4);
  assert.equal(fs.readFileSync(victim, 'utf8'), 'precious');
  assert.ok(!fs.lstatSync(target).isSymbolicLink());
  assert.equal(fs.readFileSync(target, 'utf8'), 'a,b\n');
  await assert.rejects(writeExclusively(path.join(dir, 'fails.csv'), async () => Promise.reject(new Error('disk on fire'))), /disk on fire/);
  assert.deepEqual(fs.readdirSync(dir).sort(), ['out.csv', 'victim']);
  const source = path.join(dir, 'victim');
  assert.equal(await copyExclusively(source, path.join(dir, 'copy')), 8);
  assert.equal(fs.readFileSync(path.join(dir, 'copy'), 'utf8'), 'precious');
});
