package chunk

import (
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"math"
	"os"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"gonum.org/v1/gonum/mat"
)

// The input-validation catalogue of chunk: for every exported function,
// found in the package's source so that a new one cannot be forgotten, its
// bad calls and the panic each raises, and its answer on empty input. chunk
// writes nothing but Join's result, so a panic is the whole outcome.

// misuse is one bad call and the message it panics with.
type misuse struct {
	name, msg string
	call      func()
}

// badVecs are raw vectors that mat never makes.
func badVecs() map[string]*mat.VecDense {
	return map[string]*mat.VecDense{
		"data short": stridedVec(make([]float64, 5), 4, 2),
		"Inc 0":      stridedVec(make([]float64, 4), 4, 0),
		"Inc -1":     stridedVec(make([]float64, 4), 4, -1),
		"N huge":     stridedVec(make([]float64, 4), math.MaxInt/2, 3), // (N-1)*Inc overflows
		"no data":    stridedVec(nil, 4, 1),
	}
}

// catalogue returns the bad calls of every exported function, by name.
// Range's methods are total: every Range has a length and a string.
func catalogue() map[string][]misuse {
	s := make([]float64, 4)
	v := mat.NewVecDense(4, nil)
	huge := make([]struct{}, math.MaxInt) // zero-size elements: no memory
	c := map[string][]misuse{
		"Split": {
			{"n<0", badLength, func() { Split(-1, 2) }},
			{"n=MinInt", badLength, func() { Split(math.MinInt, 2) }},
			{"p<1", badParts, func() { Split(4, 0) }},
			{"p=MinInt", badParts, func() { Split(4, math.MinInt) }},
		},
		"Part": {
			{"n<0", badLength, func() { Part(-4, 2, 0) }},
			{"p<1", badParts, func() { Part(4, 0, 0) }},
			{"i<0", badIndex, func() { Part(4, 2, -1) }},
			{"i>=k", badIndex, func() { Part(4, 8, 4) }},
			{"i of none", badIndex, func() { Part(0, 3, 0) }},
		},
		"Aligned": {
			{"n<0", badLength, func() { Aligned(-4, 3, 8) }},
			{"p<1", badParts, func() { Aligned(4, -3, 8) }},
			{"align<1", badAlign, func() { Aligned(4, 2, 0) }},
			{"align=MinInt", badAlign, func() { Aligned(4, 2, math.MinInt) }},
		},
		"AlignedPart": {
			{"n<0", badLength, func() { AlignedPart(-1, 2, 8, 0) }},
			{"p<1", badParts, func() { AlignedPart(16, 0, 8, 0) }},
			{"align<1", badAlign, func() { AlignedPart(16, 2, -8, 0) }},
			{"i>=k", badIndex, func() { AlignedPart(16, 4, 8, 2) }},
			{"i<0", badIndex, func() { AlignedPart(16, 4, 8, -1) }},
		},
		"Blocks": {
			{"n<0", badLength, func() { Blocks(-1, 4) }},
			{"size<1", badSize, func() { Blocks(4, 0) }},
		},
		"NumBlocks": {
			{"n<0", badLength, func() { NumBlocks(-1, 4) }},
			{"size<1", badSize, func() { NumBlocks(4, -2) }},
		},
		"Block": {
			{"n<0", badLength, func() { Block(-10, 4, 0) }},
			{"size<1", badSize, func() { Block(10, 0, 0) }},
			{"i>=k", badIndex, func() { Block(10, 4, 3) }},
			{"i<0", badIndex, func() { Block(10, 4, -1) }},
		},
		"Slice": {
			{"Lo<0", badRange, func() { Slice(s, Range{-1, 2}) }},
			{"Lo>Hi", badRange, func() { Slice(s, Range{3, 2}) }},
			{"Hi>len", badRange, func() { Slice(s, Range{0, 5}) }},
			{"Lo=MinInt", badRange, func() { Slice(s, Range{math.MinInt, 0}) }},
			{"Hi=MaxInt", badRange, func() { Slice(huge[1:], Range{0, math.MaxInt}) }},
		},
		"Slices": {
			{"one range out", badRange, func() { Slices(s, []Range{{0, 2}, {2, 6}}) }},
		},
		"Vec": {
			{"empty range", emptyView, func() { Vec(v, Range{2, 2}) }},
			{"empty vector", emptyView, func() { Vec(&mat.VecDense{}, Range{0, 0}) }},
			{"Hi>len", badRange, func() { Vec(v, Range{2, 5}) }},
			{"Lo<0", badRange, func() { Vec(v, Range{-1, 1}) }},
			{"nil", nilVector, func() { Vec(nil, Range{0, 1}) }},
		},
		"Vecs": {
			{"nil", nilVector, func() { Vecs(nil, []Range{{0, 1}}) }},
			{"one range empty", emptyView, func() { Vecs(v, []Range{{0, 2}, {2, 2}}) }},
		},
		"Join": {
			{"total overflows", overflow, func() { Join(huge, huge[:1]) }},
			{"pieces overflow", overflow, func() { Join(nil, huge, huge[:1]) }},
		},
		"Range.Len":    nil,
		"Range.String": nil,
	}
	for name, bad := range badVecs() {
		c["Vec"] = append(c["Vec"], misuse{name, badVector, func() { Vec(bad, Range{0, 1}) }})
		c["Vecs"] = append(c["Vecs"], misuse{name, badVector, func() { Vecs(bad, Split(4, 2)) }})
	}
	return c
}

// empties are the answers on empty input: n == 0, no pieces, an empty
// vector. A panic message stands for a panic.
func empties() map[string]struct{ got, want any } {
	ev := &mat.VecDense{}
	return map[string]struct{ got, want any }{
		"Split":        {func() any { return Split(0, 3) }, []Range{}},
		"Part":         {func() any { return Part(0, 3, 0) }, badIndex},
		"Aligned":      {func() any { return Aligned(0, 3, 8) }, []Range{}},
		"AlignedPart":  {func() any { return AlignedPart(0, 3, 8, 0) }, badIndex},
		"Blocks":       {func() any { return Blocks(0, 4) }, []Range{}},
		"NumBlocks":    {func() any { return NumBlocks(0, 4) }, 0},
		"Block":        {func() any { return Block(0, 4, 0) }, badIndex},
		"Slice":        {func() any { return Slice([]int{}, Range{}) }, []int{}},
		"Slices":       {func() any { return Slices([]int(nil), nil) }, [][]int{}},
		"Vec":          {func() any { return Vec(ev, Range{}) }, emptyView},
		"Vecs":         {func() any { return Vecs(ev, nil) }, []*mat.VecDense{}},
		"Join":         {func() any { return Join[[]int](nil) }, []int(nil)},
		"Range.Len":    {func() any { return Range{}.Len() }, 0},
		"Range.String": {func() any { return Range{}.String() }, "[0, 0)"},
	}
}

// source parses the package's non-test files (go test runs in the
// package's directory).
func source(t *testing.T) (*token.FileSet, []*ast.File) {
	entries, err := os.ReadDir(".")
	require.NoError(t, err)
	fset := token.NewFileSet()
	var files []*ast.File
	for _, e := range entries {
		if !strings.HasSuffix(e.Name(), ".go") || strings.HasSuffix(e.Name(), "_test.go") {
			continue
		}
		file, err := parser.ParseFile(fset, e.Name(), nil, parser.SkipObjectResolution)
		require.NoError(t, err)
		files = append(files, file)
	}
	require.NotEmpty(t, files)
	return fset, files
}

// exportedNames returns the package's exported functions and methods, the
// methods as "Range.Len".
func exportedNames(t *testing.T) []string {
	var names []string
	_, files := source(t)
	for _, file := range files {
		for _, d := range file.Decls {
			fd, ok := d.(*ast.FuncDecl)
			if !ok || !fd.Name.IsExported() {
				continue
			}
			name := fd.Name.Name
			if fd.Recv != nil {
				recv := fd.Recv.List[0].Type
				if s, ok := recv.(*ast.StarExpr); ok {
					recv = s.X
				}
				name = recv.(*ast.Ident).Name + "." + name
			}
			names = append(names, name)
		}
	}
	return names
}

// TestCatalogueCoversExports checks that every exported function has a
// catalogue entry and an empty-input row.
func TestCatalogueCoversExports(t *testing.T) {
	cat, emp := catalogue(), empties()
	for _, name := range exportedNames(t) {
		assert.Contains(t, cat, name, "%s: no misuse rows (nil if it has no bad input)", name)
		assert.Contains(t, emp, name, "%s: no empty-input row", name)
	}
}

// TestMisuseCatalogue runs every bad call: each must panic with its
// message, which starts with "chunk: ".
func TestMisuseCatalogue(t *testing.T) {
	for name, rows := range catalogue() {
		for _, r := range rows {
			require.True(t, strings.HasPrefix(r.msg, "chunk: "), r.msg)
			assert.PanicsWithValue(t, r.msg, r.call, "%s: %s", name, r.name)
		}
	}
}

// TestEmptyInputs checks every function on empty input.
func TestEmptyInputs(t *testing.T) {
	for name, e := range empties() {
		got := func() (r any) {
			defer func() {
				if p := recover(); p != nil {
					r = p
				}
			}()
			return e.got.(func() any)()
		}()
		assert.Equal(t, e.want, got, name)
	}
}

// TestPanicMessagesArePrefixed checks every panic in the package's source:
// it raises a constant whose message starts with "chunk: ".
func TestPanicMessagesArePrefixed(t *testing.T) {
	consts, args := map[string]string{}, []string{}
	fset, files := source(t)
	for _, file := range files {
		ast.Inspect(file, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.ValueSpec:
				for i, v := range n.Values {
					if lit, ok := v.(*ast.BasicLit); ok && lit.Kind == token.STRING {
						consts[n.Names[i].Name], _ = strconv.Unquote(lit.Value)
					}
				}
			case *ast.CallExpr:
				if id, ok := n.Fun.(*ast.Ident); ok && id.Name == "panic" {
					arg, _ := n.Args[0].(*ast.Ident)
					require.NotNil(t, arg, "%s: panic with a value that is not a constant", fset.Position(n.Pos()))
					args = append(args, arg.Name)
				}
			}
			return true
		})
	}
	require.NotEmpty(t, args)
	for _, a := range args {
		assert.True(t, strings.HasPrefix(consts[a], "chunk: "), fmt.Sprintf("panic(%s): %q", a, consts[a]))
	}
}
