;; What a generator needs from a whole vocabulary's logits on every step, in WebAssembly SIMD: the
;; largest, the n largest, and softmax's denominator Σ exp(v − max). `index.ts` copies the logits in
;; at offset 0, padded with -Infinity to a multiple of 16 values, and calls these three; the bytes
;; in `kernel.ts` are this file assembled (`npm run wasm`, checked by `logit-scan.test.ts`).
(module
  (memory (export "memory") 4)

  ;; The largest of $n floats at $p ($n a multiple of 4, at least 4). pmax is one maxps; wasm's
  ;; f32x4.max also orders NaN and ±0, which costs V8 several instructions a vector.
  (func (export "largest") (param $p i32) (param $n i32) (result f32)
    (local $end i32) (local $m v128)
    (local.set $end (i32.add (local.get $p) (i32.shl (local.get $n) (i32.const 2))))
    (local.set $m (v128.load (local.get $p)))
    (block $done
      (loop $next
        (local.set $p (i32.add (local.get $p) (i32.const 16)))
        (br_if $done (i32.ge_u (local.get $p) (local.get $end)))
        (local.set $m (f32x4.pmax (local.get $m) (v128.load (local.get $p))))
        (br $next)))
    (f32.max
      (f32.max (f32x4.extract_lane 0 (local.get $m)) (f32x4.extract_lane 1 (local.get $m)))
      (f32.max (f32x4.extract_lane 2 (local.get $m)) (f32x4.extract_lane 3 (local.get $m)))))

  ;; Σ exp((v − $max) · $scale) over $n floats at $p ($n a multiple of 16, every v ≤ $max, $scale > 0:
  ;; one over a temperature), summed in doubles.
  ;; Each exp: x = (v − max) · scale = k·ln2 + f with k whole and |f| ≤ ln2/2; exp(x) = 2^k · exp(f).
  ;; [1] x below −87 counts as −87: e⁻⁸⁷ ≈ 1.6e-38 is still a normal float (a -Infinity pad adds that).
  ;; [2] Adding 1.5·2²³ rounds x·log2(e) to the whole k, which the sum then holds in its low bits.
  ;; [3] ln2 in two parts (Cody and Waite), so that f = x − k·ln2 keeps its precision.
  ;; [4] exp(f) from its series to f⁶/720: the next term is under 2e-7 of it.
  ;; [5] 2^k made from bits: k + 127 in the exponent field ([2]: r's bits are 1.5·2²³'s plus k).
  ;; [6] Four floats added into two pairs of doubles.
  ;; The loop takes sixteen values a turn, in four blocks the same but for their offset and locals,
  ;; so that one block's series runs while another's waits (2× faster in Chromium than one block a turn;
  ;; a call to a shared exp is not inlined and is slower still).
  (func (export "sumExp") (param $p i32) (param $n i32) (param $max f32) (param $scale f32) (result f64)
    (local $end i32) (local $lo v128) (local $hi v128) (local $max4 v128) (local $scale4 v128)
    (local $floor v128) (local $log2e v128) (local $round v128) (local $ln2hi v128) (local $ln2lo v128)
    (local $one v128) (local $c2 v128) (local $c3 v128) (local $c4 v128) (local $c5 v128) (local $c6 v128) (local $bias v128)
    (local $x0 v128) (local $r0 v128) (local $k0 v128) (local $f0 v128) (local $e0 v128)
    (local $x1 v128) (local $r1 v128) (local $k1 v128) (local $f1 v128) (local $e1 v128)
    (local $x2 v128) (local $r2 v128) (local $k2 v128) (local $f2 v128) (local $e2 v128)
    (local $x3 v128) (local $r3 v128) (local $k3 v128) (local $f3 v128) (local $e3 v128)
    (local.set $end (i32.add (local.get $p) (i32.shl (local.get $n) (i32.const 2))))
    (local.set $max4 (f32x4.splat (local.get $max)))
    (local.set $scale4 (f32x4.splat (local.get $scale)))
    (local.set $floor (f32x4.splat (f32.const -87)))
    (local.set $log2e (f32x4.splat (f32.const 1.44269504)))
    (local.set $round (f32x4.splat (f32.const 12582912)))
    (local.set $ln2hi (f32x4.splat (f32.const 0.693359375)))
    (local.set $ln2lo (f32x4.splat (f32.const -2.12194440e-4)))
    (local.set $one (f32x4.splat (f32.const 1)))
    (local.set $c2 (f32x4.splat (f32.const 0.5)))
    (local.set $c3 (f32x4.splat (f32.const 1.66666667e-1)))
    (local.set $c4 (f32x4.splat (f32.const 4.16666667e-2)))
    (local.set $c5 (f32x4.splat (f32.const 8.33333333e-3)))
    (local.set $c6 (f32x4.splat (f32.const 1.38888889e-3)))
    (local.set $bias (i32x4.splat (i32.const 0x4B3FFF81))) ;; 1.5·2²³'s bits − 127
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (local.get $p) (local.get $end)))
        ;; values 0–3 of the sixteen
        (local.set $x0 (f32x4.pmax (f32x4.mul (f32x4.sub (v128.load offset=0 (local.get $p)) (local.get $max4)) (local.get $scale4)) (local.get $floor))) ;; [1]
        (local.set $r0 (f32x4.add (f32x4.mul (local.get $x0) (local.get $log2e)) (local.get $round))) ;; [2]
        (local.set $k0 (f32x4.sub (local.get $r0) (local.get $round)))
        (local.set $f0 (f32x4.sub (f32x4.sub (local.get $x0) (f32x4.mul (local.get $k0) (local.get $ln2hi)))
                                    (f32x4.mul (local.get $k0) (local.get $ln2lo)))) ;; [3]
        (local.set $e0 (f32x4.add (local.get $c5) (f32x4.mul (local.get $f0) (local.get $c6)))) ;; [4]
        (local.set $e0 (f32x4.add (local.get $c4) (f32x4.mul (local.get $f0) (local.get $e0))))
        (local.set $e0 (f32x4.add (local.get $c3) (f32x4.mul (local.get $f0) (local.get $e0))))
        (local.set $e0 (f32x4.add (local.get $c2) (f32x4.mul (local.get $f0) (local.get $e0))))
        (local.set $e0 (f32x4.add (local.get $one) (f32x4.mul (local.get $f0) (local.get $e0))))
        (local.set $e0 (f32x4.add (local.get $one) (f32x4.mul (local.get $f0) (local.get $e0))))
        (local.set $e0 (f32x4.mul (local.get $e0) (i32x4.shl (i32x4.sub (local.get $r0) (local.get $bias)) (i32.const 23)))) ;; [5]
        (local.set $lo (f64x2.add (local.get $lo) (f64x2.promote_low_f32x4 (local.get $e0)))) ;; [6]
        (local.set $hi (f64x2.add (local.get $hi) (f64x2.promote_low_f32x4 (i8x16.shuffle 8 9 10 11 12 13 14 15 0 1 2 3 4 5 6 7 (local.get $e0) (local.get $e0)))))
        ;; values 4–7 of the sixteen
        (local.set $x1 (f32x4.pmax (f32x4.mul (f32x4.sub (v128.load offset=16 (local.get $p)) (local.get $max4)) (local.get $scale4)) (local.get $floor))) ;; [1]
        (local.set $r1 (f32x4.add (f32x4.mul (local.get $x1) (local.get $log2e)) (local.get $round))) ;; [2]
        (local.set $k1 (f32x4.sub (local.get $r1) (local.get $round)))
        (local.set $f1 (f32x4.sub (f32x4.sub (local.get $x1) (f32x4.mul (local.get $k1) (local.get $ln2hi)))
                                    (f32x4.mul (local.get $k1) (local.get $ln2lo)))) ;; [3]
        (local.set $e1 (f32x4.add (local.get $c5) (f32x4.mul (local.get $f1) (local.get $c6)))) ;; [4]
        (local.set $e1 (f32x4.add (local.get $c4) (f32x4.mul (local.get $f1) (local.get $e1))))
        (local.set $e1 (f32x4.add (local.get $c3) (f32x4.mul (local.get $f1) (local.get $e1))))
        (local.set $e1 (f32x4.add (local.get $c2) (f32x4.mul (local.get $f1) (local.get $e1))))
        (local.set $e1 (f32x4.add (local.get $one) (f32x4.mul (local.get $f1) (local.get $e1))))
        (local.set $e1 (f32x4.add (local.get $one) (f32x4.mul (local.get $f1) (local.get $e1))))
        (local.set $e1 (f32x4.mul (local.get $e1) (i32x4.shl (i32x4.sub (local.get $r1) (local.get $bias)) (i32.const 23)))) ;; [5]
        (local.set $lo (f64x2.add (local.get $lo) (f64x2.promote_low_f32x4 (local.get $e1)))) ;; [6]
        (local.set $hi (f64x2.add (local.get $hi) (f64x2.promote_low_f32x4 (i8x16.shuffle 8 9 10 11 12 13 14 15 0 1 2 3 4 5 6 7 (local.get $e1) (local.get $e1)))))
        ;; values 8–11 of the sixteen
        (local.set $x2 (f32x4.pmax (f32x4.mul (f32x4.sub (v128.load offset=32 (local.get $p)) (local.get $max4)) (local.get $scale4)) (local.get $floor))) ;; [1]
        (local.set $r2 (f32x4.add (f32x4.mul (local.get $x2) (local.get $log2e)) (local.get $round))) ;; [2]
        (local.set $k2 (f32x4.sub (local.get $r2) (local.get $round)))
        (local.set $f2 (f32x4.sub (f32x4.sub (local.get $x2) (f32x4.mul (local.get $k2) (local.get $ln2hi)))
                                    (f32x4.mul (local.get $k2) (local.get $ln2lo)))) ;; [3]
        (local.set $e2 (f32x4.add (local.get $c5) (f32x4.mul (local.get $f2) (local.get $c6)))) ;; [4]
        (local.set $e2 (f32x4.add (local.get $c4) (f32x4.mul (local.get $f2) (local.get $e2))))
        (local.set $e2 (f32x4.add (local.get $c3) (f32x4.mul (local.get $f2) (local.get $e2))))
        (local.set $e2 (f32x4.add (local.get $c2) (f32x4.mul (local.get $f2) (local.get $e2))))
        (local.set $e2 (f32x4.add (local.get $one) (f32x4.mul (local.get $f2) (local.get $e2))))
        (local.set $e2 (f32x4.add (local.get $one) (f32x4.mul (local.get $f2) (local.get $e2))))
        (local.set $e2 (f32x4.mul (local.get $e2) (i32x4.shl (i32x4.sub (local.get $r2) (local.get $bias)) (i32.const 23)))) ;; [5]
        (local.set $lo (f64x2.add (local.get $lo) (f64x2.promote_low_f32x4 (local.get $e2)))) ;; [6]
        (local.set $hi (f64x2.add (local.get $hi) (f64x2.promote_low_f32x4 (i8x16.shuffle 8 9 10 11 12 13 14 15 0 1 2 3 4 5 6 7 (local.get $e2) (local.get $e2)))))
        ;; values 12–15 of the sixteen
        (local.set $x3 (f32x4.pmax (f32x4.mul (f32x4.sub (v128.load offset=48 (local.get $p)) (local.get $max4)) (local.get $scale4)) (local.get $floor))) ;; [1]
        (local.set $r3 (f32x4.add (f32x4.mul (local.get $x3) (local.get $log2e)) (local.get $round))) ;; [2]
        (local.set $k3 (f32x4.sub (local.get $r3) (local.get $round)))
        (local.set $f3 (f32x4.sub (f32x4.sub (local.get $x3) (f32x4.mul (local.get $k3) (local.get $ln2hi)))
                                    (f32x4.mul (local.get $k3) (local.get $ln2lo)))) ;; [3]
        (local.set $e3 (f32x4.add (local.get $c5) (f32x4.mul (local.get $f3) (local.get $c6)))) ;; [4]
        (local.set $e3 (f32x4.add (local.get $c4) (f32x4.mul (local.get $f3) (local.get $e3))))
        (local.set $e3 (f32x4.add (local.get $c3) (f32x4.mul (local.get $f3) (local.get $e3))))
        (local.set $e3 (f32x4.add (local.get $c2) (f32x4.mul (local.get $f3) (local.get $e3))))
        (local.set $e3 (f32x4.add (local.get $one) (f32x4.mul (local.get $f3) (local.get $e3))))
        (local.set $e3 (f32x4.add (local.get $one) (f32x4.mul (local.get $f3) (local.get $e3))))
        (local.set $e3 (f32x4.mul (local.get $e3) (i32x4.shl (i32x4.sub (local.get $r3) (local.get $bias)) (i32.const 23)))) ;; [5]
        (local.set $lo (f64x2.add (local.get $lo) (f64x2.promote_low_f32x4 (local.get $e3)))) ;; [6]
        (local.set $hi (f64x2.add (local.get $hi) (f64x2.promote_low_f32x4 (i8x16.shuffle 8 9 10 11 12 13 14 15 0 1 2 3 4 5 6 7 (local.get $e3) (local.get $e3)))))
        (local.set $p (i32.add (local.get $p) (i32.const 64)))
        (br $next)))
    (local.set $lo (f64x2.add (local.get $lo) (local.get $hi)))
    (f64.add (f64x2.extract_lane 0 (local.get $lo)) (f64x2.extract_lane 1 (local.get $lo))))

  ;; The $n largest of $count floats at $p ($count a multiple of 4, 1 ≤ $n ≤ $count): their indices
  ;; to $ids (i32) and values to $vals (f32), largest first, of equal values the lower index first.
  ;; Returns $n. [7] Once there are $n, a vector is looked into only if a lane beats the n-th best,
  ;; which in a vocabulary's logits is a handful of times.
  (func (export "top") (param $p i32) (param $count i32) (param $n i32) (param $ids i32) (param $vals i32) (result i32)
    (local $i i32) (local $lane i32) (local $got i32) (local $at i32) (local $v f32) (local $floor f32) (local $floor4 v128)
    (local.set $floor (f32.const -inf))
    (local.set $floor4 (f32x4.splat (f32.const -inf)))
    (block $done
      (loop $vector
        (br_if $done (i32.ge_u (local.get $i) (local.get $count)))
        (if (i32.or (i32.lt_u (local.get $got) (local.get $n)) ;; [7]
                    (v128.any_true (f32x4.gt (v128.load (i32.add (local.get $p) (i32.shl (local.get $i) (i32.const 2)))) (local.get $floor4))))
          (then
            (local.set $lane (i32.const 0))
            (loop $lanes
              (local.set $v (f32.load (i32.add (local.get $p) (i32.shl (i32.add (local.get $i) (local.get $lane)) (i32.const 2)))))
              (if (i32.or (i32.lt_u (local.get $got) (local.get $n)) (f32.gt (local.get $v) (local.get $floor)))
                (then
                  ;; Insert: from the end of the list (or its last place once full), move smaller ones down.
                  (if (i32.lt_u (local.get $got) (local.get $n))
                    (then (local.set $at (local.get $got)) (local.set $got (i32.add (local.get $got) (i32.const 1))))
                    (else (local.set $at (i32.sub (local.get $n) (i32.const 1)))))
                  (block $placed
                    (loop $shift
                      (br_if $placed (i32.eqz (local.get $at)))
                      (br_if $placed (i32.eqz (f32.lt
                        (f32.load (i32.add (local.get $vals) (i32.shl (i32.sub (local.get $at) (i32.const 1)) (i32.const 2))))
                        (local.get $v))))
                      (f32.store (i32.add (local.get $vals) (i32.shl (local.get $at) (i32.const 2)))
                        (f32.load (i32.add (local.get $vals) (i32.shl (i32.sub (local.get $at) (i32.const 1)) (i32.const 2)))))
                      (i32.store (i32.add (local.get $ids) (i32.shl (local.get $at) (i32.const 2)))
                        (i32.load (i32.add (local.get $ids) (i32.shl (i32.sub (local.get $at) (i32.const 1)) (i32.const 2)))))
                      (local.set $at (i32.sub (local.get $at) (i32.const 1)))
                      (br $shift)))
                  (f32.store (i32.add (local.get $vals) (i32.shl (local.get $at) (i32.const 2))) (local.get $v))
                  (i32.store (i32.add (local.get $ids) (i32.shl (local.get $at) (i32.const 2))) (i32.add (local.get $i) (local.get $lane)))
                  (if (i32.eq (local.get $got) (local.get $n))
                    (then
                      (local.set $floor (f32.load (i32.add (local.get $vals) (i32.shl (i32.sub (local.get $n) (i32.const 1)) (i32.const 2)))))
                      (local.set $floor4 (f32x4.splat (local.get $floor)))))))
              (local.set $lane (i32.add (local.get $lane) (i32.const 1)))
              (br_if $lanes (i32.lt_u (local.get $lane) (i32.const 4))))))
        (local.set $i (i32.add (local.get $i) (i32.const 4)))
        (br $vector)))
    (local.get $got))
)
