import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { RunLogEntry } from '../../../shared/contract/terraform';
import { EventBus } from '../event-bus';
import { parseTerraformLine } from './parse-terraform-line';
import { EMIT_INTERVAL_MS, EMIT_SIZE, RunEventSink } from './run-event-sink';
import type { LogLine, RunRepository } from './run-repository';

interface Sent {
  at: number;
  entries: RunLogEntry[];
}

let stored: { firstSeq: number; lines: readonly LogLine[] }[];
let sent: Sent[];
let sink: RunEventSink;

beforeEach(() => {
  vi.useFakeTimers({ now: 0 });
  stored = [];
  sent = [];
  const repository = {
    appendLog: (_id: string, firstSeq: number, lines: readonly LogLine[]) => stored.push({ firstSeq, lines }),
  } as unknown as RunRepository;
  const events = new EventBus();
  events.subscribe((name, payload) => {
    if (name === 'terraformRunEvents')
      sent.push({ at: Date.now(), entries: (payload as { entries: RunLogEntry[] }).entries });
  });
  sink = new RunEventSink('run-1', repository, events);
});
afterEach(() => {
  vi.useRealTimers();
});

/** `count` planned_change lines at once, as Terraform prints a whole plan when an apply starts. */
function burst(count: number, from = 0): void {
  for (let index = from; index < from + count; index += 1) {
    const line = JSON.stringify({
      '@level': 'info',
      '@message': `terraform_data.r${index}: Plan to create`,
      '@module': 'terraform.ui',
      '@timestamp': '2026-11-21T03:58:22.391638Z',
      type: 'planned_change',
      change: {
        resource: {
          addr: `terraform_data.r${index}`,
          module: '',
          resource: `terraform_data.r${index}`,
          implied_provider: 'terraform',
          resource_type: 'terraform_data',
          resource_name: `r${index}`,
          resource_key: null,
        },
        action: 'create',
      },
    });
    sink.push(line, 'stdout', parseTerraformLine(line, 'stdout'));
  }
}

const seqs = (messages: Sent[]) => messages.flatMap((message) => message.entries.map((entry) => entry.seq));

describe('RunEventSink', () => {
  it('stores a burst at once but sends it at most 100 entries per message, one message per interval', async () => {
    expect(EMIT_SIZE).toBe(100);
    burst(1700);
    // Stored as it came (three full batches; the rest waits for the 100 ms timer)...
    expect(stored.map((batch) => [batch.firstSeq, batch.lines.length])).toEqual([
      [0, 500],
      [500, 500],
      [1000, 500],
    ]);
    // ...but only the first message has left: the others follow one per interval.
    expect(sent).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(17 * EMIT_INTERVAL_MS);
    expect(stored.at(-1)).toMatchObject({ firstSeq: 1500 });
    expect(sent.map((message) => message.entries.length)).toEqual(Array.from({ length: 17 }, () => 100));
    expect(seqs(sent)).toEqual(Array.from({ length: 1700 }, (_, seq) => seq));
    for (let index = 1; index < sent.length; index += 1) {
      expect((sent[index]?.at ?? 0) - (sent[index - 1]?.at ?? 0)).toBeGreaterThanOrEqual(EMIT_INTERVAL_MS);
    }
    expect(sent[0]?.entries[0]?.event).toMatchObject({ type: 'planned_change' });
  });

  it('sends everything still queued when flushed at a step’s end, in order', () => {
    burst(1200);
    expect(sent).toHaveLength(1);
    sink.flush();
    expect(sent.map((message) => message.entries.length)).toEqual(Array.from({ length: 12 }, () => 100));
    expect(seqs(sent)).toEqual(Array.from({ length: 1200 }, (_, seq) => seq));
    expect(stored.reduce((total, batch) => total + batch.lines.length, 0)).toBe(1200);
    // Nothing is left to send later.
    vi.advanceTimersByTime(1000);
    expect(sent).toHaveLength(12);
  });

  it('sends a trickle of lines within the store interval, without waiting for 500', async () => {
    burst(3);
    expect(sent).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(100);
    expect(seqs(sent)).toEqual([0, 1, 2]);
    burst(2, 3);
    await vi.advanceTimersByTimeAsync(100);
    expect(seqs(sent)).toEqual([0, 1, 2, 3, 4]);
  });
});
