//go:build !noasm && !purego

#include "textflag.h"

// AXPYONE stores alpha*x[i] + y[i] to dst[i] with a normal store, as
// gonum's tail does, and moves the three pointers on by one element.
#define AXPYONE \
	MOVSD (SI), X1 \
	MULSD X0, X1   \
	ADDSD (DX), X1 \
	MOVSD X1, (DI) \
	ADDQ  $8, SI   \
	ADDQ  $8, DX   \
	ADDQ  $8, DI

// func streamAxpyTo(dst []float64, alpha float64, x, y []float64)
//
// dst[i] = alpha*x[i] + y[i] with the instructions of gonum's AxpyUnitaryTo
// (MULSD/MULPD, then ADDSD/ADDPD with alpha*x as the first operand), so the
// same bits; whole cache lines of dst are written with MOVNTPD, which does
// not read the line first. Elements before dst's first 64-byte boundary and
// after its last are stored as usual. len(x) and len(y) must be at least
// len(dst).
//
// Registers: DI = dst, SI = x, DX = y, CX = elements left, BX = lines,
// X0 = {alpha, alpha}.
TEXT ·streamAxpyTo(SB), NOSPLIT, $0-80
	MOVQ   dst_base+0(FP), DI
	MOVQ   dst_len+8(FP), CX
	MOVSD  alpha+24(FP), X0
	MOVQ   x_base+32(FP), SI
	MOVQ   y_base+56(FP), DX
	TESTQ  CX, CX
	JZ     done
	SHUFPD $0, X0, X0

head:
	TESTQ $63, DI
	JZ    lines
	AXPYONE
	DECQ  CX
	JNZ   head
	RET

lines:
	MOVQ CX, BX
	SHRQ $3, BX
	JZ   tail
	ANDQ $7, CX

line:
	MOVUPD  (SI), X1
	MOVUPD  16(SI), X2
	MOVUPD  32(SI), X3
	MOVUPD  48(SI), X4
	MULPD   X0, X1
	MULPD   X0, X2
	MULPD   X0, X3
	MULPD   X0, X4
	MOVUPD  (DX), X5
	MOVUPD  16(DX), X6
	MOVUPD  32(DX), X7
	MOVUPD  48(DX), X8
	ADDPD   X5, X1
	ADDPD   X6, X2
	ADDPD   X7, X3
	ADDPD   X8, X4
	MOVNTPD X1, (DI)
	MOVNTPD X2, 16(DI)
	MOVNTPD X3, 32(DI)
	MOVNTPD X4, 48(DI)
	ADDQ    $64, SI
	ADDQ    $64, DX
	ADDQ    $64, DI
	DECQ    BX
	JNZ     line

tail:
	TESTQ CX, CX
	JZ    fence

one:
	AXPYONE
	DECQ  CX
	JNZ   one

fence:
	// The streaming stores are weakly ordered: make them visible before
	// the caller reports the range done.
	SFENCE

done:
	RET
