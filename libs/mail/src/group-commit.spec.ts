import { groupCommitLoader } from './group-commit';

/** A promise and the function that settles it, to hold a batch in flight. */
function gate(): { wait: Promise<void>; open: () => void } {
  let open!: () => void;
  const wait = new Promise<void>((resolve) => (open = resolve));
  return { wait, open };
}

describe('groupCommitLoader', () => {
  it('sends the calls of one turn together, and every call made while that batch is in flight in the next one', async () => {
    const batches: number[][] = [];
    const first = gate();
    const loader = groupCommitLoader<number, string>(async (keys) => {
      batches.push([...keys]);
      if (batches.length === 1) await first.wait;
      return keys.map((key) => `row ${key}`);
    });
    const one = [1, 2, 3].map((key) => loader.load(key));
    await new Promise((resolve) => setImmediate(resolve));
    await new Promise((resolve) => setImmediate(resolve));
    expect(batches).toEqual([[1, 2, 3]]);
    // While the first batch is in flight, calls from later turns wait and join one batch.
    const later: Promise<string>[] = [];
    for (const key of [4, 5, 6, 7]) {
      later.push(loader.load(key));
      await new Promise((resolve) => setImmediate(resolve));
    }
    expect(batches).toHaveLength(1);
    first.open();
    expect(await Promise.all(one)).toEqual(['row 1', 'row 2', 'row 3']);
    expect(await Promise.all(later)).toEqual(['row 4', 'row 5', 'row 6', 'row 7']);
    expect(batches).toEqual([[1, 2, 3], [4, 5, 6, 7]]);
  });

  it('keeps going after a batch failed: its callers get the error, the next batch runs', async () => {
    let calls = 0;
    const loader = groupCommitLoader<number, number>(async (keys) => {
      calls += 1;
      if (calls === 1) throw new Error('connection lost');
      return keys.map((key) => key * 2);
    });
    await expect(loader.load(1)).rejects.toThrow('connection lost');
    expect(await loader.loadMany([2, 3])).toEqual([4, 6]);
  });
});
