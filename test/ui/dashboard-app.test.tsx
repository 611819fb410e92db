import { render } from 'ink-testing-library';
import { BehaviorSubject } from 'rxjs';
import { describe, expect, it } from 'vitest';
import type { Command } from '../../src/streams/commands.js';
import { DashboardApp } from '../../src/ui/DashboardApp.js';
import { allOk } from '../streams/fixtures.js';
import { stateAfterRound } from './states.js';

const settle = () => new Promise((resolve) => setTimeout(resolve, 20));

describe('DashboardApp', () => {
  it('reports bound keys as commands and ignores the others', async () => {
    const commands: Command[] = [];
    const initial = stateAfterRound((model) => allOk(model), { endAt: 60 });
    const { stdin, unmount } = render(<DashboardApp states={new BehaviorSubject(initial)} initial={initial} onCommand={(c) => commands.push(c)} />);
    await settle();
    for (const key of ['t', 'z', 'c', '\u0003']) {
      stdin.write(key);
      await settle();
    }
    unmount();
    expect(commands).toEqual([{ type: 'fault', fault: 'timeout' }, { type: 'toggle-case' }, { type: 'quit', interrupted: true }]);
  });

  it('handles every key of a chunk, in order (a paste, `tmux send-keys 2 t`)', async () => {
    const commands: Command[] = [];
    const initial = stateAfterRound((model) => allOk(model), { endAt: 60 });
    const { stdin, unmount } = render(<DashboardApp states={new BehaviorSubject(initial)} initial={initial} onCommand={(c) => commands.push(c)} />);
    await settle();
    stdin.write('2zt');
    await settle();
    unmount();
    expect(commands).toEqual([{ type: 'select', endpoint: 'categorias' }, { type: 'fault', fault: 'timeout' }]);
  });

  it('re-renders on each new state, including a resize to the compact layout, and unsubscribes on unmount', async () => {
    const initial = stateAfterRound((model) => allOk(model), { endAt: 60 });
    const states = new BehaviorSubject(initial);
    const { lastFrame, unmount } = render(<DashboardApp states={states} initial={initial} onCommand={() => undefined} />);
    await settle();
    expect(lastFrame()).toContain('╭');
    states.next({ ...initial, size: { columns: 50, rows: 10 } });
    await settle();
    expect(lastFrame()).not.toContain('╭');
    expect(lastFrame()?.split('\n')[1]).toMatch(/^callbacks {3}52ms 3\/3/);
    unmount();
    expect(states.observed).toBe(false);
  });
});
