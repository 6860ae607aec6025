//go:build !noasm && !purego

#include "textflag.h"

// The leaf kernels. Each is its reference loop in kernel.go (sumLeavesGo,
// dotLeavesGo), operation for operation.
//
// SSE2: the accumulators X0-X7 hold the 16 lanes, lanes 2r and 2r+1 in
// register r. AVX: Y0-Y3 hold them, lanes 4r to 4r+3 in register r. Loads are
// unaligned (MOVUPD, VEX memory operands), so nothing depends on the address
// of x. No FMA: each product is rounded before it is added.
//
// Registers: DI = &sums[k], CX = leaves left, SI = x, R10 = y, R9 = elements
// left, BX = elements in this leaf, then in its partial group, DX = groups.
//
// A partial group of r < 16 elements adds element j to lane j: SSE2 adds
// pairs, then one single element; AVX uses masked loads, whose masked-off
// elements read as +0 (adding +0 to a lane is exact: a lane starts at +0 and
// is never -0) and are never touched in memory.

// LEAFLEN sets BX to the number of elements in this leaf, min(256, R9), and
// DX to its full groups of 16.
#define LEAFLEN \
	MOVQ    $256, BX \
	CMPQ    R9, BX \
	CMOVQLT R9, BX \
	SUBQ    BX, R9 \
	MOVQ    BX, DX \
	SHRQ    $4, DX

#define ZEROLANES \
	XORPD X0, X0 \
	XORPD X1, X1 \
	XORPD X2, X2 \
	XORPD X3, X3 \
	XORPD X4, X4 \
	XORPD X5, X5 \
	XORPD X6, X6 \
	XORPD X7, X7

// LANETREE combines the SSE2 lanes as laneTree does, leaving the sum in the
// low half of X0.
#define LANETREE \
	ADDPD    X4, X0 \
	ADDPD    X5, X1 \
	ADDPD    X6, X2 \
	ADDPD    X7, X3 \
	ADDPD    X2, X0 \
	ADDPD    X3, X1 \
	ADDPD    X1, X0 \
	MOVAPD   X0, X1 \
	UNPCKHPD X1, X1 \
	ADDSD    X1, X0

// LANETREEAVX combines the AVX lanes as laneTree does, leaving the sum in
// the low half of X0: Y0+Y2 and Y1+Y3 are b0..b3 and b4..b7, their sum is
// c0..c3, and its two halves added are d0, d1.
#define LANETREEAVX \
	VADDPD       Y2, Y0, Y0 \
	VADDPD       Y3, Y1, Y1 \
	VADDPD       Y1, Y0, Y0 \
	VEXTRACTF128 $1, Y0, X1 \
	VADDPD       X1, X0, X0 \
	VUNPCKHPD    X0, X0, X1 \
	VADDSD       X1, X0, X0

// Masks for a partial group of r elements: element j is loaded when the
// quadword at tailmask + 8*(16-r+j) is all ones, that is when j < r.
DATA tailmask<>+0(SB)/8, $-1
DATA tailmask<>+8(SB)/8, $-1
DATA tailmask<>+16(SB)/8, $-1
DATA tailmask<>+24(SB)/8, $-1
DATA tailmask<>+32(SB)/8, $-1
DATA tailmask<>+40(SB)/8, $-1
DATA tailmask<>+48(SB)/8, $-1
DATA tailmask<>+56(SB)/8, $-1
DATA tailmask<>+64(SB)/8, $-1
DATA tailmask<>+72(SB)/8, $-1
DATA tailmask<>+80(SB)/8, $-1
DATA tailmask<>+88(SB)/8, $-1
DATA tailmask<>+96(SB)/8, $-1
DATA tailmask<>+104(SB)/8, $-1
DATA tailmask<>+112(SB)/8, $-1
DATA tailmask<>+120(SB)/8, $-1
GLOBL tailmask<>(SB), RODATA|NOPTR, $256

// ---- SSE2 sum ----

#define SUMPAIR(off, acc) \
	MOVUPD off(SI), X8 \
	ADDPD  X8, acc

#define SUMONE(off, acc) \
	MOVSD off(SI), X8 \
	ADDSD X8, acc

// func sumLeavesSSE2(sums, x []float64)
TEXT ·sumLeavesSSE2(SB), NOSPLIT, $0-48
	MOVQ  sums_base+0(FP), DI
	MOVQ  sums_len+8(FP), CX
	MOVQ  x_base+24(FP), SI
	MOVQ  x_len+32(FP), R9
	TESTQ CX, CX
	JZ    ssesum_done

ssesum_leaf:
	ZEROLANES
	LEAFLEN
	TESTQ DX, DX
	JZ    ssesum_tail

ssesum_group:
	MOVUPD 0(SI), X8
	ADDPD  X8, X0
	MOVUPD 16(SI), X9
	ADDPD  X9, X1
	MOVUPD 32(SI), X10
	ADDPD  X10, X2
	MOVUPD 48(SI), X11
	ADDPD  X11, X3
	MOVUPD 64(SI), X12
	ADDPD  X12, X4
	MOVUPD 80(SI), X13
	ADDPD  X13, X5
	MOVUPD 96(SI), X14
	ADDPD  X14, X6
	MOVUPD 112(SI), X15
	ADDPD  X15, X7
	ADDQ   $128, SI
	DECQ   DX
	JNZ    ssesum_group

ssesum_tail:
	ANDQ $15, BX
	JZ   ssesum_reduce
	CMPQ BX, $2
	JLT  ssesum_s0
	SUMPAIR(0, X0)
	CMPQ BX, $4
	JLT  ssesum_s1
	SUMPAIR(16, X1)
	CMPQ BX, $6
	JLT  ssesum_s2
	SUMPAIR(32, X2)
	CMPQ BX, $8
	JLT  ssesum_s3
	SUMPAIR(48, X3)
	CMPQ BX, $10
	JLT  ssesum_s4
	SUMPAIR(64, X4)
	CMPQ BX, $12
	JLT  ssesum_s5
	SUMPAIR(80, X5)
	CMPQ BX, $14
	JLT  ssesum_s6
	SUMPAIR(96, X6)
	CMPQ BX, $15
	JLT  ssesum_tail_end
	SUMONE(112, X7)
	JMP  ssesum_tail_end

ssesum_s0:
	SUMONE(0, X0)
	JMP ssesum_tail_end

ssesum_s1:
	CMPQ BX, $3
	JLT  ssesum_tail_end
	SUMONE(16, X1)
	JMP  ssesum_tail_end

ssesum_s2:
	CMPQ BX, $5
	JLT  ssesum_tail_end
	SUMONE(32, X2)
	JMP  ssesum_tail_end

ssesum_s3:
	CMPQ BX, $7
	JLT  ssesum_tail_end
	SUMONE(48, X3)
	JMP  ssesum_tail_end

ssesum_s4:
	CMPQ BX, $9
	JLT  ssesum_tail_end
	SUMONE(64, X4)
	JMP  ssesum_tail_end

ssesum_s5:
	CMPQ BX, $11
	JLT  ssesum_tail_end
	SUMONE(80, X5)
	JMP  ssesum_tail_end

ssesum_s6:
	CMPQ BX, $13
	JLT  ssesum_tail_end
	SUMONE(96, X6)

ssesum_tail_end:
	LEAQ (SI)(BX*8), SI

ssesum_reduce:
	LANETREE
	MOVSD X0, (DI)
	ADDQ  $8, DI
	DECQ  CX
	JNZ   ssesum_leaf

ssesum_done:
	RET

// ---- SSE2 dot ----

#define DOTPAIR(off, acc) \
	MOVUPD off(SI), X8 \
	MOVUPD off(R10), X9 \
	MULPD  X9, X8 \
	ADDPD  X8, acc

#define DOTONE(off, acc) \
	MOVSD off(SI), X8 \
	MOVSD off(R10), X9 \
	MULSD X9, X8 \
	ADDSD X8, acc

// func dotLeavesSSE2(sums, x, y []float64)
TEXT ·dotLeavesSSE2(SB), NOSPLIT, $0-72
	MOVQ  sums_base+0(FP), DI
	MOVQ  sums_len+8(FP), CX
	MOVQ  x_base+24(FP), SI
	MOVQ  x_len+32(FP), R9
	MOVQ  y_base+48(FP), R10
	TESTQ CX, CX
	JZ    ssedot_done

ssedot_leaf:
	ZEROLANES
	LEAFLEN
	TESTQ DX, DX
	JZ    ssedot_tail

ssedot_group:
	MOVUPD 0(SI), X8
	MOVUPD 0(R10), X9
	MULPD  X9, X8
	ADDPD  X8, X0
	MOVUPD 16(SI), X10
	MOVUPD 16(R10), X11
	MULPD  X11, X10
	ADDPD  X10, X1
	MOVUPD 32(SI), X12
	MOVUPD 32(R10), X13
	MULPD  X13, X12
	ADDPD  X12, X2
	MOVUPD 48(SI), X14
	MOVUPD 48(R10), X15
	MULPD  X15, X14
	ADDPD  X14, X3
	MOVUPD 64(SI), X8
	MOVUPD 64(R10), X9
	MULPD  X9, X8
	ADDPD  X8, X4
	MOVUPD 80(SI), X10
	MOVUPD 80(R10), X11
	MULPD  X11, X10
	ADDPD  X10, X5
	MOVUPD 96(SI), X12
	MOVUPD 96(R10), X13
	MULPD  X13, X12
	ADDPD  X12, X6
	MOVUPD 112(SI), X14
	MOVUPD 112(R10), X15
	MULPD  X15, X14
	ADDPD  X14, X7
	ADDQ   $128, SI
	ADDQ   $128, R10
	DECQ   DX
	JNZ    ssedot_group

ssedot_tail:
	ANDQ $15, BX
	JZ   ssedot_reduce
	CMPQ BX, $2
	JLT  ssedot_s0
	DOTPAIR(0, X0)
	CMPQ BX, $4
	JLT  ssedot_s1
	DOTPAIR(16, X1)
	CMPQ BX, $6
	JLT  ssedot_s2
	DOTPAIR(32, X2)
	CMPQ BX, $8
	JLT  ssedot_s3
	DOTPAIR(48, X3)
	CMPQ BX, $10
	JLT  ssedot_s4
	DOTPAIR(64, X4)
	CMPQ BX, $12
	JLT  ssedot_s5
	DOTPAIR(80, X5)
	CMPQ BX, $14
	JLT  ssedot_s6
	DOTPAIR(96, X6)
	CMPQ BX, $15
	JLT  ssedot_tail_end
	DOTONE(112, X7)
	JMP  ssedot_tail_end

ssedot_s0:
	DOTONE(0, X0)
	JMP ssedot_tail_end

ssedot_s1:
	CMPQ BX, $3
	JLT  ssedot_tail_end
	DOTONE(16, X1)
	JMP  ssedot_tail_end

ssedot_s2:
	CMPQ BX, $5
	JLT  ssedot_tail_end
	DOTONE(32, X2)
	JMP  ssedot_tail_end

ssedot_s3:
	CMPQ BX, $7
	JLT  ssedot_tail_end
	DOTONE(48, X3)
	JMP  ssedot_tail_end

ssedot_s4:
	CMPQ BX, $9
	JLT  ssedot_tail_end
	DOTONE(64, X4)
	JMP  ssedot_tail_end

ssedot_s5:
	CMPQ BX, $11
	JLT  ssedot_tail_end
	DOTONE(80, X5)
	JMP  ssedot_tail_end

ssedot_s6:
	CMPQ BX, $13
	JLT  ssedot_tail_end
	DOTONE(96, X6)

ssedot_tail_end:
	LEAQ (SI)(BX*8), SI
	LEAQ (R10)(BX*8), R10

ssedot_reduce:
	LANETREE
	MOVSD X0, (DI)
	ADDQ  $8, DI
	DECQ  CX
	JNZ   ssedot_leaf

ssedot_done:
	RET

// ---- AVX sum ----

// TAILMASK points R11 at the masks for a partial group of BX elements.
#define TAILMASK \
	MOVQ $16, AX \
	SUBQ BX, AX \
	LEAQ tailmask<>(SB), R11 \
	LEAQ (R11)(AX*8), R11

#define SUMQUADMASKED(off, acc) \
	VMOVDQU    off(R11), Y8 \
	VMASKMOVPD off(SI), Y8, Y9 \
	VADDPD     Y9, acc, acc

// func sumLeavesAVX(sums, x []float64)
TEXT ·sumLeavesAVX(SB), NOSPLIT, $0-48
	MOVQ  sums_base+0(FP), DI
	MOVQ  sums_len+8(FP), CX
	MOVQ  x_base+24(FP), SI
	MOVQ  x_len+32(FP), R9
	TESTQ CX, CX
	JZ    avxsum_done

avxsum_leaf:
	VXORPD Y0, Y0, Y0
	VXORPD Y1, Y1, Y1
	VXORPD Y2, Y2, Y2
	VXORPD Y3, Y3, Y3
	LEAFLEN
	TESTQ  DX, DX
	JZ     avxsum_tail

avxsum_group:
	VADDPD 0(SI), Y0, Y0
	VADDPD 32(SI), Y1, Y1
	VADDPD 64(SI), Y2, Y2
	VADDPD 96(SI), Y3, Y3
	ADDQ   $128, SI
	DECQ   DX
	JNZ    avxsum_group

avxsum_tail:
	ANDQ $15, BX
	JZ   avxsum_reduce
	TAILMASK
	SUMQUADMASKED(0, Y0)
	SUMQUADMASKED(32, Y1)
	SUMQUADMASKED(64, Y2)
	SUMQUADMASKED(96, Y3)
	LEAQ (SI)(BX*8), SI

avxsum_reduce:
	LANETREEAVX
	VMOVSD X0, (DI)
	ADDQ   $8, DI
	DECQ   CX
	JNZ    avxsum_leaf

avxsum_done:
	VZEROUPPER
	RET

// ---- AVX dot ----

#define DOTQUAD(off, acc, tmp) \
	VMOVUPD off(SI), tmp \
	VMULPD  off(R10), tmp, tmp \
	VADDPD  tmp, acc, acc

#define DOTQUADMASKED(off, acc) \
	VMOVDQU    off(R11), Y8 \
	VMASKMOVPD off(SI), Y8, Y9 \
	VMASKMOVPD off(R10), Y8, Y10 \
	VMULPD     Y10, Y9, Y9 \
	VADDPD     Y9, acc, acc

// func dotLeavesAVX(sums, x, y []float64)
TEXT ·dotLeavesAVX(SB), NOSPLIT, $0-72
	MOVQ  sums_base+0(FP), DI
	MOVQ  sums_len+8(FP), CX
	MOVQ  x_base+24(FP), SI
	MOVQ  x_len+32(FP), R9
	MOVQ  y_base+48(FP), R10
	TESTQ CX, CX
	JZ    avxdot_done

avxdot_leaf:
	VXORPD Y0, Y0, Y0
	VXORPD Y1, Y1, Y1
	VXORPD Y2, Y2, Y2
	VXORPD Y3, Y3, Y3
	LEAFLEN
	TESTQ  DX, DX
	JZ     avxdot_tail

avxdot_group:
	DOTQUAD(0, Y0, Y4)
	DOTQUAD(32, Y1, Y5)
	DOTQUAD(64, Y2, Y6)
	DOTQUAD(96, Y3, Y7)
	ADDQ $128, SI
	ADDQ $128, R10
	DECQ DX
	JNZ  avxdot_group

avxdot_tail:
	ANDQ $15, BX
	JZ   avxdot_reduce
	TAILMASK
	DOTQUADMASKED(0, Y0)
	DOTQUADMASKED(32, Y1)
	DOTQUADMASKED(64, Y2)
	DOTQUADMASKED(96, Y3)
	LEAQ (SI)(BX*8), SI
	LEAQ (R10)(BX*8), R10

avxdot_reduce:
	LANETREEAVX
	VMOVSD X0, (DI)
	ADDQ   $8, DI
	DECQ   CX
	JNZ    avxdot_leaf

avxdot_done:
	VZEROUPPER
	RET
