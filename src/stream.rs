//! Ordered streaming: process items on the worker pool and hand each result to the caller in
//! input order as soon as every earlier one is done, so a run reports its first files while it
//! checks the rest and holds only the results that finished out of order.

use std::collections::BTreeMap;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc;

/// `work` each index `0..count` on rayon's pool and `emit` the results in index order, on the
/// calling thread. Workers take the indices in order (one at a time from a shared counter, not
/// rayon's halving split), so the results waiting for an earlier one stay few: about one per
/// worker, plus whatever finished while a slow file was still being checked. The items stay
/// with the caller (`work` reads the `i`-th): nothing per item is allocated here.
pub fn ordered<R>(count: usize, work: impl Fn(usize) -> R + Sync, mut emit: impl FnMut(R))
where
    R: Send,
{
    let next = AtomicUsize::new(0);
    let (sender, receiver) = mpsc::channel::<(usize, R)>();
    let workers = rayon::current_num_threads().clamp(1, count.max(1));
    rayon::in_place_scope(|scope| {
        for _ in 0..workers {
            let sender = sender.clone();
            let (next, work) = (&next, &work);
            scope.spawn(move |_| {
                loop {
                    let index = next.fetch_add(1, Ordering::Relaxed);
                    if index >= count {
                        break;
                    }
                    if sender.send((index, work(index))).is_err() {
                        break;
                    }
                }
            });
        }
        drop(sender);
        let mut waiting: BTreeMap<usize, R> = BTreeMap::new();
        let mut wanted = 0;
        for (index, result) in receiver {
            waiting.insert(index, result);
            while let Some(result) = waiting.remove(&wanted) {
                emit(result);
                wanted += 1;
            }
        }
    });
}

/// [`ordered`] in chunks: workers take `chunk` indices at a time (in order, from the shared
/// counter) and `emit` gets each result in index order. For cheap items, where a channel
/// message per item would cost more than the item. Rayon's own parallel iterators split the
/// list in halves instead, so that a second worker starts in the middle: over a tree that
/// holds a package twice, the two then read and parse the same large files at the same time,
/// and the run's peak memory holds both.
pub fn ordered_chunks<R>(
    count: usize,
    chunk: usize,
    work: impl Fn(usize) -> R + Sync,
    emit: impl FnMut(R),
) where
    R: Send,
{
    // Groups of `chunk` items, none of them heavy.
    ordered_grouped(count, |_| false, chunk.max(1) - 1, work, emit);
}

/// [`ordered`] where most items cost next to nothing (`heavy` says which do not): a worker
/// takes the cheap items before a heavy one (up to `cheap_run` of them) with it, so the
/// channel carries one message per heavy item, not one per item. The results still come one
/// by one, in index order, and a heavy item is never held back for a cheap one.
pub fn ordered_grouped<R>(
    count: usize,
    heavy: impl Fn(usize) -> bool,
    cheap_run: usize,
    work: impl Fn(usize) -> R + Sync,
    mut emit: impl FnMut(R),
) where
    R: Send,
{
    // Where each group starts: after a heavy item, or after `cheap_run` cheap ones.
    let mut starts: Vec<usize> = Vec::new();
    let mut run = 0;
    for index in 0..count {
        if run == 0 {
            starts.push(index);
        }
        run += 1;
        if heavy(index) || run > cheap_run {
            run = 0;
        }
    }
    let end = |group: usize| starts.get(group + 1).copied().unwrap_or(count);
    ordered(
        starts.len(),
        |group| (starts[group]..end(group)).map(&work).collect::<Vec<R>>(),
        |results| results.into_iter().for_each(&mut emit),
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn results_come_in_input_order_whatever_order_they_finish_in() {
        let mut seen = Vec::new();
        ordered(
            200,
            |i| {
                let i = i as u64;
                // Early items finish last.
                std::thread::sleep(std::time::Duration::from_micros((200 - i) * 20));
                i * 2
            },
            |r| seen.push(r),
        );
        assert_eq!(seen, (0..200).map(|i| i * 2).collect::<Vec<_>>());
    }

    #[test]
    fn chunks_come_in_input_order_and_hold_every_item_once() {
        for count in [0, 1, 31, 32, 33, 200] {
            let mut seen = Vec::new();
            ordered_chunks(
                count,
                32,
                |i| {
                    std::thread::sleep(std::time::Duration::from_micros(((count - i) % 7) as u64));
                    i * 3
                },
                |r| seen.push(r),
            );
            assert_eq!(seen, (0..count).map(|i| i * 3).collect::<Vec<_>>());
        }
    }

    #[test]
    fn groups_come_in_input_order_and_hold_every_item_once() {
        for count in [0, 1, 5, 40, 200] {
            for heavy_every in [1, 3, 50] {
                let mut seen = Vec::new();
                ordered_grouped(
                    count,
                    |i| i % heavy_every == 0,
                    8,
                    |i| {
                        std::thread::sleep(std::time::Duration::from_micros(
                            (count - i) as u64 % 5,
                        ));
                        i + 1
                    },
                    |r| seen.push(r),
                );
                assert_eq!(seen, (1..=count).collect::<Vec<_>>());
            }
        }
    }

    #[test]
    fn no_items_no_results() {
        let mut seen: Vec<usize> = Vec::new();
        ordered(0, |i| i, |r| seen.push(r));
        assert!(seen.is_empty());
    }
}
