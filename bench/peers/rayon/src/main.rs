//! The Rust side of the peers comparison: each operation written with rayon
//! the way a Rust user writes it (`par_iter().map().sum()` for reductions,
//! `par_chunks_mut` zipped with `par_chunks` for element-wise work, plain
//! iterator loops inside each chunk so that they vectorize), in a release
//! build for this processor.
//!
//! The Go driver (bench/peers) starts it as `rayon-peer THREADS` and talks to
//! it in lines on standard input and output:
//!
//!   setup N         fill the inputs (the same values as Go's bench.NewInputs)
//!   check OP        run OP once on fresh inputs: "ok VALUE" (the result, or
//!                   out[n/3] + out[n-1] for an operation that writes out)
//!   time OP REPS    run OP REPS times: "ok SECONDS_PER_CALL SINK"
//!   quit
//!
//! SINK is the sum of the results, so that no call can be optimized away.

use rayon::prelude::*;
use std::io::{self, BufRead, Write};
use std::time::Instant;

/// The scale of addscaled, as in Go's bench package.
const ALPHA: f64 = 1.0 / 1024.0;

/// The length of the chunks of element-wise operations: 8192 values
/// (64 KiB of each slice), small enough to balance, large enough that a
/// task costs nothing next to its work.
const CHUNK: usize = 1 << 13;

/// The block of the scan: its first pass sums blocks, its second runs each
/// block from the total before it.
const SCAN_BLOCK: usize = 1 << 16;

struct Data {
    a: Vec<f64>,
    b: Vec<f64>,
    c: Vec<f64>,
    out: Vec<f64>,
}

impl Data {
    fn new(n: usize) -> Data {
        Data {
            a: (0..n).map(|i| (i % 2000) as f64 / 1000.0).collect(),
            b: (0..n).map(|i| 1.0 + (i % 7) as f64 / 8.0).collect(),
            c: (0..n).map(|i| (i % 13) as f64 / 16.0).collect(),
            out: vec![0.0; n],
        }
    }

    /// Runs op once and returns its result, or for an operation that writes
    /// out, an element of it. None: no such operation.
    fn run(&mut self, op: &str) -> Option<f64> {
        let (a, b, c) = (&self.a[..], &self.b[..], &self.c[..]);
        let out = &mut self.out[..];
        let n = a.len();
        let r = match op {
            "sumsq" => a.par_iter().map(|x| x * x).sum(),
            "sum" => a.par_iter().sum(),
            "dot" => a.par_iter().zip(b.par_iter()).map(|(x, y)| x * y).sum(),
            "muladd" => {
                out.par_chunks_mut(CHUNK)
                    .zip(a.par_chunks(CHUNK))
                    .zip(b.par_chunks(CHUNK))
                    .zip(c.par_chunks(CHUNK))
                    .for_each(|(((o, a), b), c)| {
                        for (((o, a), b), c) in o.iter_mut().zip(a).zip(b).zip(c) {
                            *o = a * b + c;
                        }
                    });
                out[0]
            }
            "exp" => {
                out.par_chunks_mut(CHUNK)
                    .zip(a.par_chunks(CHUNK))
                    .for_each(|(o, a)| {
                        for (o, a) in o.iter_mut().zip(a) {
                            *o = a.exp();
                        }
                    });
                out[0]
            }
            "addto" => {
                out.par_chunks_mut(CHUNK)
                    .zip(a.par_chunks(CHUNK))
                    .zip(b.par_chunks(CHUNK))
                    .for_each(|((o, a), b)| {
                        for ((o, a), b) in o.iter_mut().zip(a).zip(b) {
                            *o = a + b;
                        }
                    });
                out[0]
            }
            "addscaled" => {
                out.par_chunks_mut(CHUNK)
                    .zip(a.par_chunks(CHUNK))
                    .for_each(|(o, a)| {
                        for (o, a) in o.iter_mut().zip(a) {
                            *o += ALPHA * a;
                        }
                    });
                out[0]
            }
            "variance" => {
                let mean = a.par_iter().sum::<f64>() / n as f64;
                let ss: f64 = a
                    .par_iter()
                    .map(|x| {
                        let d = x - mean;
                        d * d
                    })
                    .sum();
                ss / (n as f64 - 1.0)
            }
            "cumsum" => {
                let totals: Vec<f64> = a
                    .par_chunks(SCAN_BLOCK)
                    .map(|blk| blk.iter().sum::<f64>())
                    .collect();
                let mut offsets = Vec::with_capacity(totals.len());
                let mut acc = 0.0;
                for t in &totals {
                    offsets.push(acc);
                    acc += t;
                }
                out.par_chunks_mut(SCAN_BLOCK)
                    .zip(a.par_chunks(SCAN_BLOCK))
                    .zip(offsets.par_iter())
                    .for_each(|((o, a), &off)| {
                        let mut s = off;
                        for (o, x) in o.iter_mut().zip(a) {
                            s += x;
                            *o = s;
                        }
                    });
                out[n - 1]
            }
            _ => return None,
        };
        Some(r)
    }
}

fn main() {
    let threads: usize = std::env::args()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .expect("usage: rayon-peer THREADS");
    rayon::ThreadPoolBuilder::new()
        .num_threads(threads)
        .build_global()
        .expect("rayon thread pool");

    let stdin = io::stdin();
    let mut stdout = io::stdout();
    let mut data: Option<Data> = None;
    for line in stdin.lock().lines() {
        let line = line.expect("reading standard input");
        let f: Vec<&str> = line.split_whitespace().collect();
        let reply = match (f.first().copied(), data.as_mut()) {
            (None, _) => continue,
            (Some("quit"), _) => break,
            (Some("setup"), _) => {
                drop(data.take()); // free the old inputs first
                data = Some(Data::new(f[1].parse().expect("setup N")));
                "ok".to_string()
            }
            (Some("check"), Some(d)) => {
                d.out.copy_from_slice(&d.b);
                match d.run(f[1]) {
                    None => "na".to_string(),
                    Some(r) => {
                        let n = d.a.len();
                        let v = match f[1] {
                            "sumsq" | "sum" | "dot" | "variance" => r,
                            _ => d.out[n / 3] + d.out[n - 1],
                        };
                        format!("ok {:e}", v)
                    }
                }
            }
            (Some("time"), Some(d)) => {
                let reps: usize = f[2].parse().expect("time OP REPS");
                let mut sink = 0.0;
                let start = Instant::now();
                let mut ok = true;
                for _ in 0..reps {
                    match d.run(f[1]) {
                        Some(r) => sink += r,
                        None => {
                            ok = false;
                            break;
                        }
                    }
                }
                let t = start.elapsed().as_secs_f64() / reps as f64;
                if ok {
                    format!("ok {:e} {:e}", t, sink)
                } else {
                    "na".to_string()
                }
            }
            (Some(cmd), _) => format!("err no inputs, or unknown command {}", cmd),
        };
        writeln!(stdout, "{}", reply).expect("writing standard output");
        stdout.flush().expect("writing standard output");
    }
}
