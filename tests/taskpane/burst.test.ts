import { burst } from "../../src/taskpane/burst";

const wait = (ms: number) => new Promise((go) => setTimeout(go, ms));

describe("one read per burst of events", () => {
  it("events close together make one read, after the last of them", async () => {
    let reads = 0;
    const b = burst(async () => void (reads += 1), 30, () => undefined);
    for (let i = 0; i < 5; i++) {
      b.poke();
      await wait(5);
    }
    expect(reads).toBe(0);
    await wait(60);
    expect(reads).toBe(1);
  });

  it("an event during a read asks for one more read after it, however many arrive", async () => {
    let reads = 0;
    let release: () => void = () => undefined;
    const b = burst(
      () =>
        new Promise<void>((done) => {
          reads += 1;
          release = done;
        }),
      10,
      () => undefined,
    );
    b.poke();
    await wait(30);
    expect(reads).toBe(1);
    b.poke();
    b.poke();
    b.poke();
    release();
    await wait(30);
    expect(reads).toBe(2);
    release();
    await wait(30);
    expect(reads).toBe(2);
  });

  it("a failed read is reported and the next burst reads again; after stop nothing reads", async () => {
    const errors: unknown[] = [];
    let reads = 0;
    const b = burst(
      async () => {
        reads += 1;
        throw new Error("ItemNotFound");
      },
      10,
      (e) => errors.push(e),
    );
    b.poke();
    await wait(30);
    b.poke();
    await wait(30);
    expect([reads, errors.length]).toEqual([2, 2]);
    b.poke();
    b.stop();
    await wait(30);
    expect(reads).toBe(2);
  });
});
