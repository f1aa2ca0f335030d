// How the seeded forum is shaped: how many posts each thread has, and when each post was
// written. Pure functions of the options and the seeded PRNG, so the same seed gives the same
// forum.
import type { SeedOptions } from './forum-seed.ts'

const dayMs = 86_400_000

/**
 * Posts per thread: thread 0 is the long thread, thread 1 the reply thread (`replyPosts`), and
 * the rest spread with a long tail (squared exponential weights: most threads short, some in
 * the hundreds), every thread at least its opening post and none as long as the long thread.
 */
export function postsPerThread(
  { posts, threads, longThread }: SeedOptions,
  replyPosts: number,
  random: () => number,
): Int32Array {
  const counts = new Int32Array(threads)
  counts[0] = longThread
  counts[1] = replyPosts
  const extra = posts - longThread - replyPosts - (threads - 2)
  const weights = Float64Array.from({ length: threads }, (_, i) =>
    i < 2 ? 0 : (-Math.log(1 - random())) ** 2,
  )
  const weightSum = weights.reduce((a, b) => a + b, 0)
  let given = 0
  for (let i = 2; i < threads; i++) {
    const share = Math.min(longThread - 2, Math.floor((extra * (weights[i] ?? 0)) / weightSum))
    counts[i] = 1 + share
    given += share
  }
  for (let left = extra - given; left > 0; ) {
    const i = 2 + Math.floor(random() * (threads - 2))
    if ((counts[i] ?? 0) < longThread - 1) {
      counts[i] = (counts[i] ?? 0) + 1
      left--
    }
  }
  return counts
}

/**
 * When each thread started and each post was written, between `start` and `end`, and the order
 * to insert the posts in: global time order, so one thread's posts lie scattered through the
 * table as they would after years of use. Post `i` is number `postNumber[i]` of thread
 * `postThread[i]`; numbers follow time within a thread.
 */
export function timeline(
  counts: Int32Array,
  { start, end }: { start: number; end: number },
  random: () => number,
) {
  const total = counts.reduce((a, b) => a + b, 0)
  const postTime = new Float64Array(total)
  const postThread = new Int32Array(total)
  const postNumber = new Int32Array(total)
  const threadCreated = new Float64Array(counts.length)
  let at = 0
  for (let t = 0; t < counts.length; t++) {
    const n = counts[t] ?? 0
    // The long thread runs the whole two years; others start any time and last a while.
    const created =
      t === 0 ? start + dayMs : start + Math.floor(random() * (end - start - 3_600_000))
    const span = t === 0 ? end - created - 3_600_000 : (end - created) * random() ** 2
    const times = Float64Array.from({ length: n }, (_, k) =>
      k === 0 ? created : created + Math.floor(random() * span),
    ).sort()
    threadCreated[t] = created
    for (let k = 0; k < n; k++) {
      postTime[at] = times[k] ?? created
      postThread[at] = t
      postNumber[at] = k + 1
      at++
    }
  }
  const order = Uint32Array.from({ length: total }, (_, i) => i).sort(
    (a, b) => (postTime[a] ?? 0) - (postTime[b] ?? 0) || a - b,
  )
  return { postTime, postThread, postNumber, threadCreated, order }
}
