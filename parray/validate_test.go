package parray

import (
	"context"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"go/types"
	"math"
	"os"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"gonum.org/v1/gonum/blas/blas64"
	"gonum.org/v1/gonum/floats"
	"gonum.org/v1/gonum/mat"
	"gonum.org/v1/gonum/stat"
)

// The input-validation catalogue. Every exported function is found in the
// package's source, so that a new one cannot be forgotten, and is called
// with every kind of bad input its parameters allow: a negative Workers or
// Grain, a nil function, vector or Context, a negative n, an input of the
// wrong length, a vector whose raw data is inconsistent, a destination that
// partially overlaps an input. Each call must panic on the caller with the
// package's message before any argument (guards and stride gaps included)
// is written and before any user function runs. The same calls with
// extreme but valid configurations must give the results of one worker, and
// every function on empty input the answer of floats, stat or the
// sequential loop.
//
// The non-generic package functions all have a Config method of the same
// name, which is what the catalogue calls, by reflection, with arguments
// built from the types and names of its parameters. The generic ones
// (Reduce and friends) have rows of their own.

// export is an exported function or Config method, as the source declares it.
type export struct {
	name    string
	method  bool     // a method of Config
	generic bool     // has type parameters
	params  []string // parameter names, in order
}

// sourceFiles parses the package's non-test files in the current directory
// (go test runs in the package's directory), whatever their build tags.
func sourceFiles(t testing.TB) []*ast.File {
	t.Helper()
	entries, err := os.ReadDir(".")
	require.NoError(t, err)
	var files []*ast.File
	fset := token.NewFileSet()
	for _, f := range entries {
		if !strings.HasSuffix(f.Name(), ".go") || strings.HasSuffix(f.Name(), "_test.go") {
			continue
		}
		file, err := parser.ParseFile(fset, f.Name(), nil, parser.SkipObjectResolution)
		require.NoError(t, err)
		files = append(files, file)
	}
	require.NotEmpty(t, files)
	return files
}

// packageExports returns the exported functions and Config methods that the
// package's source declares.
func packageExports(t testing.TB) []export {
	t.Helper()
	var ex []export
	for _, file := range sourceFiles(t) {
		for _, d := range file.Decls {
			fd, ok := d.(*ast.FuncDecl)
			if !ok || !fd.Name.IsExported() {
				continue
			}
			e := export{name: fd.Name.Name, generic: fd.Type.TypeParams != nil}
			if fd.Recv != nil {
				recv := fd.Recv.List[0].Type
				if star, ok := recv.(*ast.StarExpr); ok {
					recv = star.X
				}
				id, _ := recv.(*ast.Ident)
				require.NotNil(t, id, "%s: receiver", e.name)
				if !id.IsExported() {
					continue // workerPanic.Error
				}
				require.Equal(t, "Config", id.Name, "%s: a method of a type the catalogue does not know", e.name)
				e.method = true
			}
			for _, field := range fd.Type.Params.List {
				for _, id := range field.Names {
					e.params = append(e.params, id.Name)
				}
			}
			ex = append(ex, e)
		}
	}
	require.NotEmpty(t, ex)
	return ex
}

// TestPanicMessagesArePrefixed checks every panic in the package's source:
// its value is a string constant that starts with "parray: ", or the value
// of a user function's panic raised again (engine.go).
func TestPanicMessagesArePrefixed(t *testing.T) {
	files := sourceFiles(t)
	consts := map[string]string{}
	for _, file := range files {
		ast.Inspect(file, func(n ast.Node) bool {
			if vs, ok := n.(*ast.ValueSpec); ok {
				for i, v := range vs.Values {
					if lit, ok := v.(*ast.BasicLit); ok && lit.Kind == token.STRING {
						consts[vs.Names[i].Name], _ = strconv.Unquote(lit.Value)
					}
				}
			}
			return true
		})
	}
	reraised := map[string]bool{"p.value": true, "p": true}
	panics := 0
	for _, file := range files {
		ast.Inspect(file, func(n ast.Node) bool {
			ce, ok := n.(*ast.CallExpr)
			if !ok || len(ce.Args) != 1 {
				return true
			}
			if id, ok := ce.Fun.(*ast.Ident); !ok || id.Name != "panic" {
				return true
			}
			panics++
			arg := types.ExprString(ce.Args[0])
			if msg, ok := consts[arg]; ok {
				assert.True(t, strings.HasPrefix(msg, "parray: "), "panic(%s): %q", arg, msg)
				return true
			}
			assert.True(t, reraised[arg], "panic(%s): not a message constant", arg)
			return true
		})
	}
	t.Logf("%d panics", panics)
}

// genericRows are the misuse rows of the generic functions, which
// reflection cannot call by name.
func genericRows() map[string][]misuseRow {
	block := func(s []float64) int { return len(s) }
	rblock := func(lo, hi int) int { return hi - lo }
	sum := func(a, b int) int { return a + b }
	s := make([]float64, 3*ReduceBlock)
	return map[string][]misuseRow{
		"Reduce": {
			{"nil block", nilFunc, func() { Reduce(s, nil, sum) }},
			{"nil combine", nilFunc, func() { Reduce(s, block, nil) }},
		},
		"ReduceWith": {
			{"Workers<0", badWorkers, func() { ReduceWith(Config{Workers: -1}, s, block, sum) }},
			{"Grain<0", badGrain, func() { ReduceWith(Config{Grain: -1}, s, block, sum) }},
			{"nil block", nilFunc, func() { ReduceWith(Config{Workers: 2}, s, nil, sum) }},
			{"nil combine", nilFunc, func() { ReduceWith(Config{Workers: 2}, nil, block, nil) }},
		},
		"ReduceRange": {
			{"n<0", badN, func() { ReduceRange(-1, rblock, sum) }},
			{"nil block", nilFunc, func() { ReduceRange(5, nil, sum) }},
			{"nil combine", nilFunc, func() { ReduceRange(0, rblock, nil) }},
		},
		"ReduceRangeWith": {
			{"Workers<0", badWorkers, func() { ReduceRangeWith(Config{Workers: -1}, 5, rblock, sum) }},
			{"Grain<0", badGrain, func() { ReduceRangeWith(Config{Grain: -1}, 5, rblock, sum) }},
			{"n<0", badN, func() { ReduceRangeWith(Config{Workers: 2}, math.MinInt, rblock, sum) }},
			{"nil block", nilFunc, func() { ReduceRangeWith(Config{Workers: 2}, 5, nil, sum) }},
			{"nil combine", nilFunc, func() { ReduceRangeWith(Config{Workers: 2}, 5, rblock, nil) }},
		},
	}
}

// misuseRow is one bad call of a generic function and its panic value.
type misuseRow struct {
	name, msg string
	call      func()
}

// TestCatalogueCoversExports checks that the catalogue knows every exported
// function: each package function has a Config method of the same name (the
// generated rows call it) or rows of its own, and an empty-input row.
func TestCatalogueCoversExports(t *testing.T) {
	methods := map[string]bool{}
	ex := packageExports(t)
	for _, e := range ex {
		if e.method {
			methods[e.name] = true
			require.True(t, reflect.ValueOf(Config{}).MethodByName(e.name).IsValid(), e.name)
		}
	}
	generic, empty := genericRows(), emptyRows()
	for _, e := range ex {
		if e.method {
			continue
		}
		if e.generic {
			assert.NotEmpty(t, generic[e.name], "%s: generic, and no misuse rows", e.name)
		} else {
			assert.True(t, methods[e.name], "%s: no Config method for the generated misuse rows", e.name)
		}
		assert.Contains(t, empty, e.name, "%s: no empty-input row", e.name)
	}
	for name := range methods {
		assert.True(t, slices.ContainsFunc(ex, func(e export) bool { return !e.method && e.name == name }),
			"Config.%s has no package function", name)
	}
}

// call is one call of a Config method by reflection, with arguments built
// from its parameters, each placed between guard regions.
type call struct {
	method  string
	params  []string
	typ     reflect.Type
	n       int
	args    []reflect.Value
	slots   []int              // index in args of each parameter
	guards  map[int]guarded    // the slice arguments, by index in args
	vecs    map[int]stridedVec // the vector arguments, by index in args
	side    guarded            // what For's body writes
	dst     int                // index in args of the parameter named dst, or -1
	bufs    [][]float64        // every buffer an argument lives in
	called  atomic.Bool        // a user function ran
	huge    bool               // user functions panic with a hugeCall at once
	results []reflect.Value    // after run
	panicV  any                // after run
	panics  bool               // after run
}

// hugeCall is the panic value of a user function when the call is on
// math.MaxInt elements: the first range it was given.
type hugeCall struct{ lo, hi int }

var (
	typeFloats  = reflect.TypeFor[[]float64]()
	typeFloatss = reflect.TypeFor[[][]float64]()
	typeVec     = reflect.TypeFor[*mat.VecDense]()
	typeFloat   = reflect.TypeFor[float64]()
	typeInt     = reflect.TypeFor[int]()
	typeInts    = reflect.TypeFor[[]int]()
	typeContext = reflect.TypeFor[context.Context]()
)

// newCall builds valid arguments of n elements for the Config method e:
// slices and vectors (Inc 2, NaN in the gaps) filled with positive values,
// scalars that every method accepts, and user functions that record that
// they ran.
func newCall(t testing.TB, e export, n int) *call {
	m := reflect.ValueOf(Config{}).MethodByName(e.name)
	c := &call{method: e.name, params: e.params, typ: m.Type(), n: n, dst: -1,
		guards: map[int]guarded{}, vecs: map[int]stridedVec{}}
	require.Equal(t, c.typ.NumIn(), len(e.params), e.name)
	for i, name := range e.params {
		c.slots = append(c.slots, len(c.args))
		typ := c.typ.In(i)
		if c.typ.IsVariadic() && i == c.typ.NumIn()-1 {
			require.Equal(t, typeFloatss, typ, "%s: variadic %s", e.name, name)
			c.args = append(c.args, c.slice(n, len(c.args)))
			c.args = append(c.args, c.slice(n, len(c.args)))
			continue
		}
		if name == "dst" {
			c.dst = len(c.args)
		}
		c.args = append(c.args, c.arg(t, name, typ, len(c.args)))
	}
	return c
}

// slice returns a new guarded slice of n positive values for argument k,
// at an offset in its cache line that depends on k.
func (c *call) slice(n, k int) reflect.Value {
	g := newGuarded(n, k%lineFloats, func(i int) float64 { return float64(i%7) + 0.5 })
	c.guards[k] = g
	c.bufs = append(c.bufs, g.buf)
	return reflect.ValueOf(g.s())
}

// vec returns a new vector of n positive values with Inc 2 for argument k.
func (c *call) vec(n, k int) reflect.Value {
	if n == 0 {
		return reflect.ValueOf(&mat.VecDense{})
	}
	vals := make([]float64, n)
	for i := range vals {
		vals[i] = float64(i%5) + 1.5
	}
	sv := newStridedVec(nil, vals, 2, k%lineFloats)
	// Guards and gaps with NaNs of their own (see guardNaN).
	id, raw := guardIDs.Add(1), sv.v.RawVector()
	first := len(sv.buf) - guardLen - len(raw.Data)
	for i := range sv.buf {
		if j := i - first; j < 0 || j >= len(raw.Data) || j%raw.Inc != 0 {
			sv.buf[i] = guardNaN(id, i)
		}
	}
	c.vecs[k] = sv
	c.bufs = append(c.bufs, sv.buf)
	return reflect.ValueOf(sv.v)
}

func (c *call) arg(t testing.TB, name string, typ reflect.Type, k int) reflect.Value {
	switch typ {
	case typeFloats:
		return c.slice(c.n, k)
	case typeVec:
		return c.vec(c.n, k)
	case typeFloat:
		return reflect.ValueOf(0.5) // alpha, L, v, ...
	case typeInt:
		if name == "k" {
			return reflect.ValueOf(2) // Find's count
		}
		return reflect.ValueOf(c.n)
	case typeInts:
		return reflect.ValueOf([]int(nil))
	case typeContext:
		return reflect.ValueOf(context.Background())
	}
	f := c.userFunc(typ)
	require.True(t, f.IsValid(), "%s: no argument for %s %v", c.method, name, typ)
	return f
}

// userFunc returns a deterministic user function of type typ.
func (c *call) userFunc(typ reflect.Type) reflect.Value {
	enter := func(lo, hi int) {
		c.called.Store(true)
		if c.huge {
			panic(hugeCall{lo, hi})
		}
	}
	var f any
	switch typ {
	case reflect.TypeFor[func(float64) float64]():
		f = func(x float64) float64 { enter(0, 1); return x*x + 0.5 }
	case reflect.TypeFor[func(x, y float64) float64]():
		f = func(x, y float64) float64 { enter(0, 1); return x*y - x/3 }
	case reflect.TypeFor[func(float64) bool]():
		f = func(x float64) bool { enter(0, 1); return x > 3 }
	case reflect.TypeFor[func(lo, hi int)]():
		f = func(lo, hi int) { enter(lo, hi); c.writeSide(lo, hi) }
	case reflect.TypeFor[func(lo, hi int) error]():
		f = func(lo, hi int) error { enter(lo, hi); c.writeSide(lo, hi); return nil }
	case reflect.TypeFor[func(dst []float64, src ...[]float64)]():
		f = func(dst []float64, src ...[]float64) {
			enter(0, len(dst))
			for i := range dst {
				v := 1.0 // every input read before dst[i] is written
				for _, s := range src {
					v += s[i]
				}
				dst[i] = v
			}
		}
	default:
		return reflect.Value{}
	}
	if c.side.buf == nil && c.n >= 0 && c.n < 1<<20 {
		c.side = newGuarded(c.n, 1, func(int) float64 { return 0 })
		c.bufs = append(c.bufs, c.side.buf)
	}
	return reflect.ValueOf(f)
}

func (c *call) writeSide(lo, hi int) {
	for i := lo; i < hi; i++ {
		c.side.s()[i] = float64(i) * 1.5
	}
}

// run calls the method on cfg and records its results or its panic.
func (c *call) run(cfg Config) {
	defer func() {
		if c.panics {
			c.panicV = recover()
		}
	}()
	c.panics = true
	c.results = reflect.ValueOf(cfg).MethodByName(c.method).Call(c.args)
	c.panics = false
}

// snapshot copies every buffer of the call's arguments.
func (c *call) snapshot() [][]float64 {
	s := make([][]float64, len(c.bufs))
	for i, b := range c.bufs {
		s[i] = slices.Clone(b)
	}
	return s
}

// unchanged fails t if a buffer differs from its snapshot.
func (c *call) unchanged(t testing.TB, name string, snap [][]float64) {
	t.Helper()
	for i, b := range c.bufs {
		if !equalBits(b, snap[i]) {
			t.Errorf("%s: argument buffer %d written before the panic", name, i)
			return
		}
	}
}

// generated is one generated misuse: a change to a valid call, and the
// panic values it may raise.
type generated struct {
	name   string
	cfg    Config
	change func(c *call)
	msgs   []string
}

var lengthMsgs = []string{badLength, badDstLength, badVecLength, badVecDstLength}

// misuses returns the bad calls of the method e, from the types and names
// of its parameters.
func misuses(e export, typ reflect.Type) []generated {
	ok := Config{Workers: 3, Grain: 1}
	gs := []generated{
		{"Workers<0", Config{Workers: -1}, nil, []string{badWorkers}},
		{"Workers=MinInt", Config{Workers: math.MinInt}, nil, []string{badWorkers}},
		{"Grain<0", Config{Grain: -1}, nil, []string{badGrain}},
	}
	sized, dst := []int{}, -1
	for i, name := range e.params {
		pt := typ.In(i)
		switch {
		case pt.Kind() == reflect.Func:
			gs = append(gs, generated{"nil " + name, ok, func(c *call) {
				c.args[c.slots[i]] = reflect.Zero(pt)
			}, []string{nilFunc}})
		case pt == typeContext:
			gs = append(gs, generated{"nil " + name, ok, func(c *call) {
				c.args[c.slots[i]] = reflect.Zero(pt)
			}, []string{nilContext}})
		case pt == typeInt && name == "n":
			gs = append(gs, generated{"n<0", ok, func(c *call) {
				c.args[c.slots[i]] = reflect.ValueOf(-1)
			}, []string{badN}})
		case pt == typeVec:
			gs = append(gs,
				generated{"nil " + name, ok, func(c *call) {
					c.args[c.slots[i]] = reflect.Zero(pt)
				}, []string{nilVec}},
				generated{name + " data short", ok, func(c *call) {
					var v mat.VecDense
					v.SetRawVector(blas64.Vector{N: c.n, Inc: 2, Data: make([]float64, c.n)})
					c.args[c.slots[i]] = reflect.ValueOf(&v)
				}, []string{badRawVector}},
				generated{name + " Inc -1", ok, func(c *call) {
					var v mat.VecDense
					v.SetRawVector(blas64.Vector{N: c.n, Inc: -1, Data: make([]float64, c.n)})
					c.args[c.slots[i]] = reflect.ValueOf(&v)
				}, []string{badRawVector}},
				generated{name + " N<0", ok, func(c *call) {
					var v mat.VecDense
					v.SetRawVector(blas64.Vector{N: -3, Inc: 1, Data: make([]float64, c.n)})
					c.args[c.slots[i]] = reflect.ValueOf(&v)
				}, append([]string{badRawVector}, lengthMsgs...)},
				generated{name + " N huge", ok, func(c *call) {
					var v mat.VecDense
					v.SetRawVector(blas64.Vector{N: math.MaxInt/2 + 3, Inc: 3, Data: make([]float64, c.n)})
					c.args[c.slots[i]] = reflect.ValueOf(&v)
				}, append([]string{badRawVector}, lengthMsgs...)}) // its length differs too
		}
		if pt == typeVec && name != "dst" {
			// Inc 0 marks an empty vector, which a dst may be.
			gs = append(gs, generated{name + " Inc 0", ok, func(c *call) {
				var v mat.VecDense
				v.SetRawVector(blas64.Vector{N: c.n, Inc: 0, Data: make([]float64, c.n)})
				c.args[c.slots[i]] = reflect.ValueOf(&v)
			}, []string{badRawVector}})
		}
		if pt == typeFloats || pt == typeVec || pt == typeFloatss {
			sized = append(sized, i)
			if name == "dst" {
				dst = i
			}
		}
	}
	// CopyVec copies as much as the shorter vector holds, as copy does.
	if len(sized) >= 2 && e.name != "CopyVec" {
		for _, i := range sized {
			for _, d := range []int{-1, 1} {
				gs = append(gs, generated{fmt.Sprintf("%s length n%+d", e.params[i], d), ok, func(c *call) {
					k := c.slots[i]
					if typ.In(i) == typeVec {
						c.args[k] = c.vec(c.n+d, k)
					} else {
						c.args[k] = c.slice(c.n+d, k)
					}
				}, lengthMsgs})
			}
		}
	}
	if dst >= 0 {
		for _, i := range sized {
			if i == dst {
				continue
			}
			for _, shift := range []int{-1, 1} {
				gs = append(gs, generated{fmt.Sprintf("%s overlaps dst by %+d", e.params[i], shift), ok, func(c *call) {
					c.args[c.slots[i]] = c.overlapping(c.slots[dst], shift)
				}, []string{badOverlap}})
			}
		}
	}
	return gs
}

// overlapping returns an input of the same length as the dst argument k
// that shares all but one of its elements: the same memory shifted by one
// element of the view.
func (c *call) overlapping(k, shift int) reflect.Value {
	if g, ok := c.guards[k]; ok {
		return reflect.ValueOf(g.buf[g.lo+shift : g.hi+shift])
	}
	sv := c.vecs[k]
	raw := sv.v.RawVector()
	lo := len(sv.buf) - guardLen - len(raw.Data) + shift*raw.Inc // dst's first element, shifted
	var v mat.VecDense
	v.SetRawVector(blas64.Vector{N: raw.N, Inc: raw.Inc, Data: sv.buf[lo : lo+len(raw.Data)]})
	return reflect.ValueOf(&v)
}

// TestMisuseEveryMethod runs every generated misuse of every Config method:
// it must panic with its message before anything is written and before any
// user function runs.
func TestMisuseEveryMethod(t *testing.T) {
	const n = 16
	rows := 0
	for _, e := range packageExports(t) {
		if !e.method {
			continue
		}
		typ := reflect.ValueOf(Config{}).MethodByName(e.name).Type()
		for _, g := range misuses(e, typ) {
			name := e.name + ": " + g.name
			c := newCall(t, e, n)
			if g.change != nil {
				g.change(c)
			}
			snap := c.snapshot()
			c.run(g.cfg)
			rows++
			if !c.panics {
				t.Errorf("%s: did not panic", name)
				continue
			}
			msg, _ := c.panicV.(string)
			if !slices.Contains(g.msgs, msg) {
				t.Errorf("%s: panicked with %#v, want one of %q", name, c.panicV, g.msgs)
			}
			c.unchanged(t, name, snap)
			assert.False(t, c.called.Load(), "%s: a user function ran before the panic", name)
		}
	}
	for name, rs := range genericRows() {
		for _, r := range rs {
			assert.PanicsWithValue(t, r.msg, r.call, "%s: %s", name, r.name)
			rows++
		}
	}
	t.Logf("%d misuse rows", rows)
}

// TestExtremeConfigsEveryMethod runs every Config method with extreme but
// valid configurations (math.MaxInt workers or grain, a worker per element)
// and checks results and every argument buffer against one worker's, bit
// for bit: no overflow in the hand-out, no goroutine per worker asked for.
func TestExtremeConfigsEveryMethod(t *testing.T) {
	const n = 1000
	for _, e := range packageExports(t) {
		if !e.method {
			continue
		}
		want := newCall(t, e, n)
		want.run(Config{Workers: 1})
		require.False(t, want.panics, "%s: %v", e.name, want.panicV)
		for _, cfg := range []Config{
			{Workers: math.MaxInt}, {Grain: math.MaxInt}, {Workers: math.MaxInt, Grain: 1},
			{Workers: math.MaxInt, Grain: math.MaxInt}, {Workers: 2, Grain: 1},
		} {
			name := fmt.Sprintf("%s %+v", e.name, cfg)
			got := newCall(t, e, n)
			got.run(cfg)
			require.False(t, got.panics, "%s: %v", name, got.panicV)
			for i := range want.results {
				requireSameValue(t, name, got.results[i].Interface(), want.results[i].Interface())
			}
			for i := range want.bufs {
				requireSameBitsOrNaN(t, fmt.Sprintf("%s: buffer %d", name, i), got.bufs[i], want.bufs[i])
			}
		}
	}
}

// TestWritesStayInDst runs every Config method, inline and in parallel, on
// arguments between NaN guard regions, and checks that it writes nothing but
// the elements of its dst: every other argument (every input, and the
// vector views' neighbours) is unchanged bit for bit, and so are the guards
// around dst and, for a strided dst, the gaps between its elements.
func TestWritesStayInDst(t *testing.T) {
	const n = 1000
	for _, e := range packageExports(t) {
		if !e.method {
			continue
		}
		for _, cfg := range []Config{{Workers: 1}, {Workers: 3, Grain: 1}, {Workers: 2, Grain: 100}, {}} {
			name := fmt.Sprintf("%s %+v", e.name, cfg)
			c := newCall(t, e, n)
			before := c.snapshot()
			c.run(cfg)
			require.False(t, c.panics, "%s: %v", name, c.panicV)
			for i, buf := range c.bufs {
				if c.side.buf != nil && &buf[0] == &c.side.buf[0] {
					checkGuards(t, name+": For's writes", c.side)
					continue
				}
				if !equalBits(buf, before[i]) && !c.isDst(buf) {
					t.Errorf("%s: input buffer %d written", name, i)
				}
			}
			if g, ok := c.guards[c.dst]; ok {
				checkGuards(t, name+": dst", g)
			}
			if sv, ok := c.vecs[c.dst]; ok {
				checkGaps(t, name+": dst", sv, before[slices.IndexFunc(c.bufs, func(b []float64) bool { return &b[0] == &sv.buf[0] })])
			}
		}
	}
}

// isDst reports whether buf is the buffer of the dst argument.
func (c *call) isDst(buf []float64) bool {
	if g, ok := c.guards[c.dst]; ok && &g.buf[0] == &buf[0] {
		return true
	}
	sv, ok := c.vecs[c.dst]
	return ok && &sv.buf[0] == &buf[0]
}

// checkGaps fails t if an element of sv's buffer that is not an element of
// the view (a guard, or a gap between strided elements) differs from before.
func checkGaps(t testing.TB, name string, sv stridedVec, before []float64) {
	t.Helper()
	raw := sv.v.RawVector()
	first := len(sv.buf) - guardLen - len(raw.Data)
	for i := range sv.buf {
		k := i - first
		inView := k >= 0 && k < len(raw.Data) && k%raw.Inc == 0
		if !inView && math.Float64bits(sv.buf[i]) != math.Float64bits(before[i]) {
			t.Fatalf("%s: buffer element %d, outside the view, written", name, i)
		}
	}
}

// window is a view of elements of a shared buffer: n elements from off,
// every inc (inc is 1 for a slice).
type window struct{ off, inc, n int }

// elems returns the buffer indices of w's elements.
func (w window) elems() []int {
	e := make([]int, w.n)
	for i := range e {
		e[i] = w.off + i*w.inc
	}
	return e
}

// of returns w as an argument of type typ over buf.
func (w window) of(buf []float64, typ reflect.Type) reflect.Value {
	end := w.off + (w.n-1)*w.inc + 1
	if typ == typeVec {
		var v mat.VecDense
		v.SetRawVector(blas64.Vector{N: w.n, Inc: w.inc, Data: buf[w.off:end:end]})
		return reflect.ValueOf(&v)
	}
	return reflect.ValueOf(buf[w.off:end:end])
}

// windows returns every view of n elements with offsets 0 to 5 and the
// increments that the type allows (1 to 3 for vectors).
func windows(typ reflect.Type, n int) []window {
	incs := []int{1}
	if typ == typeVec {
		incs = []int{1, 2, 3}
	}
	var ws []window
	for off := range 6 {
		for _, inc := range incs {
			ws = append(ws, window{off, inc, n})
		}
	}
	return ws
}

// TestOverlapDecisionEveryMethod checks, for every Config method with a
// dst, the aliasing rules against a brute-force intersection of element
// sets: dst and each input are placed as every pair of views of one buffer
// (lengths 1 to 4, offsets 0 to 5, and increments 1 to 3 for vectors). The
// call must panic with badOverlap exactly when the views share an element
// without being the same view (the same first element and length, and the
// same increment unless of length one); otherwise its dst must hold the
// result of the same call on separate copies of the values, inline and in
// parallel: exact aliasing gives the in-place result, and interleaved views
// such as the even and the odd elements are accepted.
func TestOverlapDecisionEveryMethod(t *testing.T) {
	checked := 0
	for _, e := range packageExports(t) {
		if !e.method {
			continue
		}
		typ := reflect.ValueOf(Config{}).MethodByName(e.name).Type()
		dst := slices.Index(e.params, "dst")
		if dst < 0 {
			continue
		}
		dt := typ.In(dst)
		for src := range e.params {
			st := typ.In(src)
			if src == dst || (st != typeFloats && st != typeVec && st != typeFloatss) {
				continue
			}
			for n := 1; n <= 4; n++ {
				for _, dw := range windows(dt, n) {
					for _, sw := range windows(st, n) {
						checkOverlapCase(t, e, dst, src, dw, sw)
						checked++
					}
				}
			}
		}
	}
	t.Logf("%d placements", checked)
}

// checkOverlapCase runs method e with its dst at dw and its input src at
// sw in one buffer, the other arguments apart.
func checkOverlapCase(t *testing.T, e export, dst, src int, dw, sw window) {
	shared := false
	for _, i := range dw.elems() {
		shared = shared || slices.Contains(sw.elems(), i)
	}
	same := dw.off == sw.off && dw.n == sw.n && (dw.inc == sw.inc || dw.n == 1)
	// The other vectors are strided (newCall's) or contiguous: with all
	// three contiguous, AddVec, MulElemVec and their kind take their inline
	// fast path, which has overlap checks of its own.
	type run struct {
		cfg        Config
		unitOthers bool
	}
	for _, r := range []run{{Config{Workers: 1}, false}, {Config{Workers: 1}, true}, {Config{Workers: 3, Grain: 1}, false}} {
		cfg := r.cfg
		name := fmt.Sprintf("%s: dst %+v, %s %+v, contiguous others %v", e.name, dw, e.params[src], sw, r.unitOthers)
		buf := make([]float64, 24)
		for i := range buf {
			buf[i] = float64(i) + 1.5
		}
		c := newCall(t, e, dw.n)
		if r.unitOthers {
			for i := range e.params {
				if i != dst && i != src && c.typ.In(i) == typeVec {
					v := c.args[c.slots[i]].Interface().(*mat.VecDense)
					c.args[c.slots[i]] = reflect.ValueOf(mat.VecDenseCopyOf(v))
				}
			}
		}
		c.args[c.slots[dst]] = dw.of(buf, c.typ.In(dst))
		c.args[c.slots[src]] = sw.of(buf, c.typ.In(src))
		// The reference: the same values, in memory of their own.
		ref := newCall(t, e, dw.n)
		refDst := dw.of(slices.Clone(buf), c.typ.In(dst))
		ref.args[ref.slots[dst]] = refDst
		ref.args[ref.slots[src]] = sw.of(slices.Clone(buf), c.typ.In(src))
		c.run(cfg)
		if shared && !same {
			require.True(t, c.panics, "%s %+v: no panic", name, cfg)
			require.Equal(t, badOverlap, c.panicV, "%s %+v", name, cfg)
			continue
		}
		require.False(t, c.panics, "%s %+v: %v", name, cfg, c.panicV)
		ref.run(Config{Workers: 1})
		require.False(t, ref.panics, "%s: reference: %v", name, ref.panicV)
		for i, k := range dw.elems() {
			var want float64
			if v, ok := refDst.Interface().(*mat.VecDense); ok {
				want = v.AtVec(i)
			} else {
				want = refDst.Index(i).Float()
			}
			require.True(t, sameBits(buf[k], want), "%s %+v: dst element %d = %v, want %v", name, cfg, i, buf[k], want)
		}
	}
}

// TestHugeN calls every method that takes a count n, and ReduceRange, with
// n = math.MaxInt and a user function that panics on its first call: the
// panic must be that function's, with a range within [0, n), whatever the
// configuration. Nothing in the hand-out may overflow.
func TestHugeN(t *testing.T) {
	check := func(name string, f func()) {
		t.Helper()
		got := func() (r any) {
			defer func() { r = recover() }()
			f()
			return nil
		}()
		h, ok := got.(hugeCall)
		require.True(t, ok, "%s: panicked with %#v", name, got)
		assert.True(t, 0 <= h.lo && h.lo < h.hi, "%s: range [%d, %d)", name, h.lo, h.hi)
	}
	configs := []Config{{}, {Workers: 3}, {Workers: 3, Grain: 1}, {Workers: math.MaxInt, Grain: math.MaxInt / 3}}
	for _, e := range packageExports(t) {
		if !e.method || !slices.Contains(e.params, "n") {
			continue
		}
		for _, cfg := range configs {
			c := newCall(t, e, math.MaxInt)
			c.huge = true
			check(fmt.Sprintf("%s %+v", e.name, cfg), func() { c.run(cfg); panic(c.panicV) })
		}
	}
	for _, cfg := range configs {
		check(fmt.Sprintf("ReduceRange %+v", cfg), func() {
			ReduceRangeWith(cfg, math.MaxInt, func(lo, hi int) int { panic(hugeCall{lo, hi}) },
				func(a, b int) int { return a + b })
		})
	}
}

// requireSameValue compares two results of a call: floats bit for bit (any
// NaN matching any NaN), slices of floats element by element, anything else
// with reflect.DeepEqual.
func requireSameValue(t testing.TB, name string, got, want any) {
	t.Helper()
	switch w := want.(type) {
	case float64:
		require.True(t, sameBits(got.(float64), w), "%s: %v, want %v", name, got, w)
	case []float64:
		requireSameBitsOrNaN(t, name, got.([]float64), w)
	default:
		require.Equal(t, want, got, name)
	}
}

// emptyRow calls a function on empty input (got) and computes the answer of
// floats, stat, mat or the sequential loop (want). A function that panics
// must panic in both, parray with its own message.
type emptyRow struct{ got, want func() any }

// emptyRows are the empty-input rows, one per exported function.
func emptyRows() map[string]emptyRow {
	never := func(float64) float64 { panic("called") }
	never2 := func(x, y float64) float64 { panic("called") }
	pred := func(float64) bool { panic("called") }
	var none []float64
	ev := func() *mat.VecDense { return &mat.VecDense{} }
	find := func(inds []int, err error) any { return fmt.Sprint(inds, err != nil) }
	sum := func(a, b int) int { return a + b }
	rows := map[string]emptyRow{
		"Map":   {func() any { Map(nil, never); return nil }, func() any { return nil }},
		"MapTo": {func() any { return MapTo(nil, never, none) }, func() any { return none }},
		"Zip":   {func() any { Zip(nil, never2, none); return nil }, func() any { return nil }},
		"ZipTo": {func() any { return ZipTo(nil, never2, none, none) }, func() any { return none }},
		"Blocks": {func() any { Blocks(nil, func([]float64, ...[]float64) { panic("called") }, none); return nil },
			func() any { return nil }},
		"For": {func() any { For(0, func(lo, hi int) { panic("called") }); return nil }, func() any { return nil }},
		"ForCtx": {func() any {
			return ForCtx(context.Background(), 0, func(lo, hi int) error { panic("called") })
		}, func() any { return nil }},
		"Reduce": {func() any { return Reduce(none, func(s []float64) int { return len(s) + 7 }, sum) },
			func() any { return 7 }},
		"ReduceWith": {func() any {
			return ReduceWith(Config{Workers: 3}, none, func(s []float64) int { return len(s) + 7 }, sum)
		}, func() any { return 7 }},
		"ReduceRange": {func() any { return ReduceRange(0, func(lo, hi int) int { return hi - lo + 7 }, sum) },
			func() any { return 7 }},
		"ReduceRangeWith": {func() any {
			return ReduceRangeWith(Config{Workers: 3}, 0, func(lo, hi int) int { return hi - lo + 7 }, sum)
		}, func() any { return 7 }},
		"Sum":            {func() any { return Sum(none) }, func() any { return floats.Sum(none) }},
		"SumCompensated": {func() any { return SumCompensated(none) }, func() any { return floats.SumCompensated(none) }},
		"Dot":            {func() any { return Dot(none, none) }, func() any { return floats.Dot(none, none) }},
		"Norm": {func() any { return [4]float64{Norm(none, 1), Norm(none, 2), Norm(none, 3), Norm(none, math.Inf(1))} },
			func() any {
				return [4]float64{floats.Norm(none, 1), floats.Norm(none, 2), floats.Norm(none, 3), floats.Norm(none, math.Inf(1))}
			}},
		"Distance": {func() any {
			return [3]float64{Distance(none, none, 1), Distance(none, none, 2), Distance(none, none, math.Inf(1))}
		},
			func() any {
				return [3]float64{floats.Distance(none, none, 1), floats.Distance(none, none, 2), floats.Distance(none, none, math.Inf(1))}
			}},
		"Prod":       {func() any { return Prod(none) }, func() any { return floats.Prod(none) }},
		"LogSumExp":  {func() any { return LogSumExp(none) }, func() any { return floats.LogSumExp(none) }},
		"Max":        {func() any { return Max(none) }, func() any { return floats.Max(none) }},
		"Min":        {func() any { return Min(none) }, func() any { return floats.Min(none) }},
		"MaxIdx":     {func() any { return MaxIdx(none) }, func() any { return floats.MaxIdx(none) }},
		"MinIdx":     {func() any { return MinIdx(none) }, func() any { return floats.MinIdx(none) }},
		"NearestIdx": {func() any { return NearestIdx(none, 1) }, func() any { return floats.NearestIdx(none, 1) }},
		"Count":      {func() any { return Count(pred, none) }, func() any { return floats.Count(pred, none) }},
		"HasNaN":     {func() any { return HasNaN(none) }, func() any { return floats.HasNaN(none) }},
		"Find": {func() any {
			return [3]any{find(Find(nil, pred, none, -1)), find(Find(nil, pred, none, 0)), find(Find(nil, pred, none, 2))}
		}, func() any {
			return [3]any{find(floats.Find(nil, pred, none, -1)), find(floats.Find(nil, pred, none, 0)), find(floats.Find(nil, pred, none, 2))}
		}},
		"CumSum":       {func() any { return CumSum(nil, none) }, func() any { return floats.CumSum(nil, none) }},
		"CumProd":      {func() any { return CumProd(nil, none) }, func() any { return floats.CumProd(nil, none) }},
		"Mean":         {func() any { return Mean(none, nil) }, func() any { return stat.Mean(none, nil) }},
		"Variance":     {func() any { return Variance(none, nil) }, func() any { return stat.Variance(none, nil) }},
		"StdDev":       {func() any { return StdDev(none, []float64{}) }, func() any { return stat.StdDev(none, []float64{}) }},
		"MeanVariance": {func() any { m, v := MeanVariance(none, nil); return [2]float64{m, v} }, func() any { m, v := stat.MeanVariance(none, nil); return [2]float64{m, v} }},
		"MeanStdDev":   {func() any { m, s := MeanStdDev(none, nil); return [2]float64{m, s} }, func() any { m, s := stat.MeanStdDev(none, nil); return [2]float64{m, s} }},
		"SumVec":       {func() any { return SumVec(ev()) }, func() any { return floats.Sum(none) }},
		"DotVec":       {func() any { return DotVec(ev(), ev()) }, func() any { return floats.Dot(none, none) }},
		"NormVec":      {func() any { return NormVec(ev(), 2) }, func() any { return floats.Norm(none, 2) }},
		// mat's CopyVec panics in blas on two empty vectors; CopyVec is
		// documented as the built-in copy.
		"CopyVec": {func() any { return CopyVec(ev(), ev()) }, func() any { return copy(none, none) }},
		"ScaleVec": {func() any { v := ev(); ScaleVec(v, 2, v); return v.IsEmpty() },
			func() any { v := ev(); v.ScaleVec(2, v); return v.IsEmpty() }},
	}
	// The binary VecDense functions on empty inputs panic, as mat's methods.
	for name, f := range map[string]func(dst, a, b *mat.VecDense){
		"AddVec": AddVec, "SubVec": SubVec, "MulElemVec": MulElemVec, "DivElemVec": DivElemVec,
		"AddScaledVec": func(dst, a, b *mat.VecDense) { AddScaledVec(dst, a, 2, b) },
	} {
		rows[name] = emptyRow{func() any { f(ev(), ev(), ev()); return nil },
			func() any { ev().AddVec(ev(), ev()); return nil }}
	}
	// The element-wise functions of floats do nothing on empty slices.
	for _, e := range ewCases {
		rows[e.name] = emptyRow{func() any {
			e.pkg(nil, make([][]float64, e.srcs))
			return nil
		}, func() any {
			e.ref(nil, make([][]float64, e.srcs))
			return nil
		}}
	}
	return rows
}

// outcome runs f and returns its result, or the value it panicked with.
func outcome(f func() any) (v any, panicked bool) {
	defer func() {
		if panicked {
			v = recover()
		}
	}()
	panicked = true
	v = f()
	panicked = false
	return v, panicked
}

// TestEmptyInputs checks every function on empty input against floats,
// stat, mat or the sequential loop: the same answer, or a panic in both.
func TestEmptyInputs(t *testing.T) {
	for name, r := range emptyRows() {
		got, gotPanic := outcome(r.got)
		want, wantPanic := outcome(r.want)
		require.Equal(t, wantPanic, gotPanic, "%s: panicked %v (%v), reference panicked %v (%v)",
			name, gotPanic, got, wantPanic, want)
		if gotPanic {
			msg, _ := got.(string)
			assert.True(t, strings.HasPrefix(msg, "parray: "), "%s: panic %#v", name, got)
			continue
		}
		assert.Equal(t, fmt.Sprint(want), fmt.Sprint(got), name)
		if w, ok := want.(float64); ok {
			assert.True(t, sameBits(got.(float64), w), "%s: %v, want %v", name, got, w)
		}
	}
}
