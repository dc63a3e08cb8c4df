import { describe, expect, it } from 'vitest';
import { progress, quotedVolume } from './progress';

describe('progress lines', () => {
  it('plain: every step as it begins and ends, as compose prints without a terminal', () => {
    const p = progress(false);
    expect(p.line('Network', 'demo_default', 'Creating')).toBe(' Network demo_default  Creating\n');
    expect(p.line('Container', 'demo-web-1', 'Started')).toBe(' Container demo-web-1  Started\n');
    expect(p.line('Volume', quotedVolume('demo_data'), 'Created')).toBe(' Volume "demo_data"  Created\n');
  });

  it('terminal: only finished steps, marked ✔, and failures ✘', () => {
    const p = progress(true);
    expect(p.line('Container', 'demo-web-1', 'Starting')).toBe('');
    expect(p.line('Container', 'demo-web-1', 'Started')).toBe(' ✔ Container demo-web-1  Started\n');
    expect(p.line('Container', 'demo-web-1', 'Error')).toBe(' ✘ Container demo-web-1  Error\n');
  });
});
