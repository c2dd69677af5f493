/** The engine's bounded cache evicts the least recently used entry, one at a time. */
import { LruCache } from "../../src/engine/cache";
import { createMatcher } from "../../src/engine/text/match";
import { builtinRulebook } from "../../src/engine/rulebook/builtin";

it("keeps the most recently used entries and evicts the oldest", () => {
  const c = new LruCache<string, number>(3);
  c.set("a", 1).set("b", 2).set("c", 3);
  expect(c.get("a")).toBe(1); // a is now the newest
  c.set("d", 4); // evicts b
  expect([c.has("a"), c.has("b"), c.has("c"), c.has("d")]).toEqual([true, false, true, true]);
  expect(c.size).toBe(3);
  c.set("c", 30); // an update is a use
  c.set("e", 5); // evicts a
  expect(c.has("a")).toBe(false);
  expect(c.get("c")).toBe(30);
  expect(c.getOr("f", () => 6)).toBe(6);
  expect(c.size).toBe(3);
  c.clear();
  expect(c.size).toBe(0);
  expect(() => new LruCache(0)).toThrow(RangeError);
});

it("never grows past its capacity, and evicts by use, not all at once", () => {
  const c = new LruCache<number, number>(100);
  for (let i = 0; i < 1000; i++) {
    c.set(i, i);
    c.get(0); // 0 is used all the time: it stays
  }
  expect(c.size).toBe(100);
  expect(c.has(0)).toBe(true);
  expect(c.has(999)).toBe(true);
  expect(c.has(500)).toBe(false);
});

it("the matcher gives the same answers after its cache has evicted", () => {
  const rb = builtinRulebook();
  const entries = rb.courses.map((c) => ({ key: c.id, names: [c.name, ...c.aliases] }));
  const m = createMatcher(entries, { threshold: 0.72 });
  const texts = rb.courses.map((c) => `- ${c.name.toLowerCase()};`);
  const first = texts.map((t) => [m.match(t)?.key, m.suggest(t, 3).map((s) => s.key)]);
  for (let i = 0; i < 25_000; i++) m.match(`nội dung khác số ${i}`); // more than the cache holds
  expect(texts.map((t) => [m.match(t)?.key, m.suggest(t, 3).map((s) => s.key)])).toEqual(first);
});
