import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { describe, expect, it } from '@jest/globals';

const ROOT = process.cwd();

/** README.md and every Markdown file under docs/. */
function markdownFiles(): string[] {
  const found = [join(ROOT, 'README.md')];
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (name.endsWith('.md')) found.push(path);
    }
  };
  walk(join(ROOT, 'docs'));
  return found;
}

/** GitHub's heading anchors: lower case, punctuation dropped, spaces as hyphens. */
function anchors(markdown: string): Set<string> {
  const out = new Set<string>();
  for (const [, heading] of markdown.matchAll(/^#{1,6} (.+)$/gm)) {
    out.add(
      (heading ?? '')
        .trim()
        .toLowerCase()
        .replace(/[^\p{L}\p{N} _-]/gu, '')
        .replace(/ /g, '-'),
    );
  }
  return out;
}

/** The relative link targets of a Markdown file, outside fenced code blocks. */
function relativeLinks(markdown: string): string[] {
  const prose = markdown.replace(/```[\s\S]*?```/g, '');
  return [...prose.matchAll(/\]\(([^)\s]+)\)/g)]
    .map((m) => m[1] ?? '')
    .filter((target) => !/^[a-z]+:/i.test(target) && !target.startsWith('#'));
}

describe('When a reader follows the links of the README and docs/', () => {
  for (const file of markdownFiles()) {
    const markdown = readFileSync(file, 'utf8');
    const links = relativeLinks(markdown);
    if (links.length === 0) continue;
    it(`then every relative link in ${relative(ROOT, file)} reaches a file (and its heading)`, () => {
      const broken = links.filter((link) => {
        const [path = '', anchor] = link.split('#');
        const target = join(dirname(file), decodeURIComponent(path));
        if (!existsSync(target)) return true;
        if (anchor === undefined || statSync(target).isDirectory()) return false;
        return !anchors(readFileSync(target, 'utf8')).has(anchor);
      });
      expect(broken).toEqual([]);
    });
  }

  it('then the README stays a front door: at most about 180 lines', () => {
    expect(readFileSync(join(ROOT, 'README.md'), 'utf8').split('\n').length).toBeLessThanOrEqual(190);
  });
});
