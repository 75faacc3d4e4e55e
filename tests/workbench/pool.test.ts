import { unreadable } from "../../src/review/verdict";
import { checkSubmissions } from "../../src/workbench/pool";
import type { Submission } from "../../src/workbench/walk";
import type { Answer, Task } from "../../src/workbench/worker";

/**
 * The page's Web Workers, with a stand-in for the browser's Worker that answers, hangs or fails as a file tells it:
 * one file at a time per worker, a file over its time limit or one that stops its worker reported as the CLI
 * reports it, the run going on with a fresh worker, results in the walk's order.
 */
class FakeWorker {
  static all: FakeWorker[] = [];
  onmessage: ((e: MessageEvent<Answer>) => void) | null = null;
  onerror: ((e: ErrorEvent) => void) | null = null;
  terminated = false;
  /** Files this worker holds now, and at most. */
  holding = 0;
  mostHeld = 0;
  checked = 0;
  /** Each check task's file and the one it says comes next (`id>next`). */
  told: string[] = [];
  constructor() {
    FakeWorker.all.push(this);
  }
  postMessage(task: Task): void {
    if (task.kind !== "check") return;
    this.told.push(`${task.id}>${task.next?.id ?? "-"}`);
    this.mostHeld = Math.max(this.mostHeld, ++this.holding);
    void task.file.text().then((text) => setTimeout(() => {
      if (this.terminated || text === "hang") return;
      this.holding--;
      this.checked++;
      if (text === "crash") this.onerror?.({ message: "Maximum call stack size exceeded", preventDefault: () => undefined } as ErrorEvent);
      else this.onmessage?.({ data: { kind: "check", result: unreadable(task.name, `checked ${text}`) } } as MessageEvent<Answer>);
    }, 5));
  }
  terminate(): void {
    this.terminated = true;
  }
}

const file = (name: string, text: string): Submission => ({ name, open: () => Promise.resolve(new File([text], name)) });

beforeEach(() => {
  FakeWorker.all = [];
});

it("reports a file over its time limit and one that stops its worker as the CLI does, and checks the rest", async () => {
  const subs = [file("a.xlsx", "a"), file("slow.xlsx", "hang"), file("b.xlsx", "b"), file("bad.xlsx", "crash"), file("c.xlsx", "c"), { name: "folder.xlsx", refused: "是文件夹 / a folder" }];
  const progress: number[] = [];
  const results = await checkSubmissions(subs, { lang: "zh", workers: 1, limitMs: 200, spawn: () => new FakeWorker() as unknown as Worker, onProgress: (done) => progress.push(done) });
  expect(results.map((r) => [r?.file, r?.reason])).toEqual([
    ["a.xlsx", "checked a"],
    ["slow.xlsx", "超时（超过 0.2 秒）/ timed out"],
    ["b.xlsx", "checked b"],
    ["bad.xlsx", "检查出错 / check failed (Maximum call stack size exceeded)"],
    ["c.xlsx", "checked c"],
    ["folder.xlsx", "是文件夹 / a folder"],
  ]);
  expect(progress).toEqual([0, 1, 2, 3, 4, 5, 6]);
  // A fresh worker after each failure; none left running.
  expect(FakeWorker.all.length).toBe(3);
  expect(FakeWorker.all.every((w) => w.terminated)).toBe(true);
});

it("gives each worker one file at a time", async () => {
  const subs = Array.from({ length: 12 }, (_, i) => file(`${i}.xlsx`, String(i)));
  const results = await checkSubmissions(subs, { lang: "zh", workers: 3, limitMs: 1000, spawn: () => new FakeWorker() as unknown as Worker });
  expect(results.map((r) => r?.reason)).toEqual(subs.map((_, i) => `checked ${i}`));
  expect(FakeWorker.all.map((w) => w.mostHeld)).toEqual([1, 1, 1]);
  expect(FakeWorker.all.map((w) => w.checked).reduce((a, b) => a + b)).toBe(12);
});

it("tells each worker which file it gets next, so that it reads it while it checks the current one", async () => {
  const subs: Submission[] = [file("a.xlsx", "a"), { name: "folder.xlsx", refused: "是文件夹 / a folder" }, file("b.xlsx", "b"), file("c.xlsx", "c")];
  await checkSubmissions(subs, { lang: "zh", workers: 1, limitMs: 1000, spawn: () => new FakeWorker() as unknown as Worker });
  // The refused entry is never a worker's: a's next is none, and b says c comes after it.
  expect(FakeWorker.all.map((w) => w.told)).toEqual([["0>-", "2>3", "3>-"]]);
});

it("reports a file gone since it was chosen as the CLI does", async () => {
  const gone: Submission = { name: "gone.xlsx", open: () => Promise.reject(Object.assign(new Error("moved"), { name: "NotFoundError" })) };
  const results = await checkSubmissions([gone], { lang: "zh", workers: 2, limitMs: 1000, spawn: () => new FakeWorker() as unknown as Worker });
  expect(results.map((r) => [r?.verdict, r?.reason])).toEqual([["无法读取", "无法打开 / cannot open (NotFoundError)"]]);
  expect(FakeWorker.all.length).toBe(0);
});

it("stops when asked: the files not yet checked have no result", async () => {
  const subs = Array.from({ length: 6 }, (_, i) => file(`${i}.xlsx`, String(i)));
  let done = 0;
  const results = await checkSubmissions(subs, { lang: "zh", workers: 1, limitMs: 1000, spawn: () => new FakeWorker() as unknown as Worker, onProgress: (d) => (done = d), stopped: () => done >= 2 });
  expect(results.filter((r) => r !== undefined).length).toBeLessThan(6);
});
