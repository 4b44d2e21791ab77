//! Ordered streaming: process items on the worker pool and hand each result to the caller in
//! input order as soon as every earlier one is done, so a run reports its first files while it
//! checks the rest and holds only the results that finished out of order.

use std::collections::BTreeMap;
use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc;

/// `work` each item on rayon's pool and `emit` the results in the order of `items`, on the
/// calling thread. Workers take the items in order (one at a time from a shared counter, not
/// rayon's halving split), so the results waiting for an earlier one stay few: about one per
/// worker, plus whatever finished while a slow file was still being checked.
pub fn ordered<T, R>(items: Vec<T>, work: impl Fn(T) -> R + Sync, mut emit: impl FnMut(R))
where
    T: Send,
    R: Send,
{
    let count = items.len();
    let slots: Vec<Mutex<Option<T>>> = items.into_iter().map(|t| Mutex::new(Some(t))).collect();
    let next = AtomicUsize::new(0);
    let (sender, receiver) = mpsc::channel::<(usize, R)>();
    let workers = rayon::current_num_threads().clamp(1, count.max(1));
    rayon::in_place_scope(|scope| {
        for _ in 0..workers {
            let sender = sender.clone();
            let (slots, next, work) = (&slots, &next, &work);
            scope.spawn(move |_| {
                loop {
                    let index = next.fetch_add(1, Ordering::Relaxed);
                    if index >= count {
                        break;
                    }
                    let item = slots[index].lock().ok().and_then(|mut slot| slot.take());
                    let Some(item) = item else { continue };
                    if sender.send((index, work(item))).is_err() {
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn results_come_in_input_order_whatever_order_they_finish_in() {
        let items: Vec<u64> = (0..200).collect();
        let mut seen = Vec::new();
        ordered(
            items,
            |i| {
                // Early items finish last.
                std::thread::sleep(std::time::Duration::from_micros((200 - i) * 20));
                i * 2
            },
            |r| seen.push(r),
        );
        assert_eq!(seen, (0..200).map(|i| i * 2).collect::<Vec<_>>());
    }

    #[test]
    fn no_items_no_results() {
        let mut seen: Vec<u8> = Vec::new();
        ordered(Vec::<u8>::new(), |i| i, |r| seen.push(r));
        assert!(seen.is_empty());
    }
}
