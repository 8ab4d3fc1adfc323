// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { afterLayout } from '../../extension/lib/after-layout';
import { HandObserver } from './hand-observer';

describe('placing after the browser lays out (issue 16)', () => {
  afterEach(() => {
    vi.useRealTimers();
    HandObserver.all = [];
  });

  const setUp = () => {
    vi.useFakeTimers();
    const win = window as unknown as { ResizeObserver: unknown };
    win.ResizeObserver = HandObserver;
    const run = vi.fn();
    const scheduler = afterLayout(document, run);
    return { run, scheduler, observer: HandObserver.all.at(-1)! };
  };

  it('runs once per rendering step, however often it is asked before it', () => {
    const { run, scheduler, observer } = setUp();
    scheduler.schedule();
    scheduler.schedule();
    scheduler.schedule();
    expect(run).not.toHaveBeenCalled();
    observer.deliver();
    expect(run).toHaveBeenCalledTimes(1);
    // The backstop does not run it a second time.
    vi.advanceTimersByTime(1000);
    expect(run).toHaveBeenCalledTimes(1);
    scheduler.schedule();
    observer.deliver();
    expect(run).toHaveBeenCalledTimes(2);
    scheduler.destroy();
  });

  it('asked while it runs, it observes again only in the next task (no "ResizeObserver loop" error for the page)', () => {
    const { run, scheduler, observer } = setUp();
    run.mockImplementationOnce(() => scheduler.schedule());
    scheduler.schedule();
    const calls = observer.observeCalls;
    observer.deliver();
    expect(observer.observeCalls).toBe(calls);
    vi.advanceTimersByTime(0);
    expect(observer.observeCalls).toBe(calls + 1);
    observer.deliver();
    expect(run).toHaveBeenCalledTimes(2);
    scheduler.destroy();
  });

  it('runs anyway when no frame comes (a hidden tab), and not after it is destroyed', () => {
    const { run, scheduler } = setUp();
    scheduler.schedule();
    vi.advanceTimersByTime(249);
    expect(run).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(run).toHaveBeenCalledTimes(1);
    scheduler.schedule();
    scheduler.destroy();
    vi.advanceTimersByTime(1000);
    expect(run).toHaveBeenCalledTimes(1);
    expect(document.querySelector('[data-clinic-companion="layout-probe"]')).toBeNull();
  });
});
