/* STREAM-style memory bandwidth in C, the ceiling beside which the report
 * puts parnum's throughput: the developers' STREAM program (copy, triad,
 * sum and dot, as in McCalpin's STREAM), with the length and the
 * repetitions taken from the command line:
 *
 *     gcc -O3 -march=native -ffast-math -fopenmp stream.c -o stream
 *     OMP_NUM_THREADS=2 ./stream 33554432 10
 *
 * prints one line: threads=T copy C triad T sum S dot D (GB/s, best of the
 * repetitions). -ffast-math lets the reductions vectorize: the ceiling is
 * the memory, not the order of the additions. The arrays are first touched
 * by the threads that later read them. */
#include <stdio.h>
#include <stdlib.h>
#include <omp.h>

int main(int argc, char **argv) {
	long n = argc > 1 ? atol(argv[1]) : 1L << 25;
	int reps = argc > 2 ? atoi(argv[2]) : 10;
	double *a = aligned_alloc(64, n * sizeof(double));
	double *b = aligned_alloc(64, n * sizeof(double));
	double *c = aligned_alloc(64, n * sizeof(double));
	if (n < 1 || reps < 1 || !a || !b || !c) {
		fprintf(stderr, "stream: bad arguments or out of memory\n");
		return 1;
	}
	#pragma omp parallel for
	for (long i = 0; i < n; i++) { a[i] = 1.0 + i % 7; b[i] = 2.0; c[i] = 0; }
	double best[4] = {1e9, 1e9, 1e9, 1e9}, s = 0;
	for (int r = 0; r < reps; r++) {
		double t = omp_get_wtime();
		#pragma omp parallel for
		for (long i = 0; i < n; i++) c[i] = a[i];
		t = omp_get_wtime() - t; if (t < best[0]) best[0] = t;
		t = omp_get_wtime();
		#pragma omp parallel for
		for (long i = 0; i < n; i++) c[i] = a[i] + 3.0 * b[i];
		t = omp_get_wtime() - t; if (t < best[1]) best[1] = t;
		t = omp_get_wtime();
		double sum = 0;
		#pragma omp parallel for reduction(+:sum)
		for (long i = 0; i < n; i++) sum += a[i];
		t = omp_get_wtime() - t; if (t < best[2]) best[2] = t;
		s += sum;
		t = omp_get_wtime();
		double d = 0;
		#pragma omp parallel for reduction(+:d)
		for (long i = 0; i < n; i++) d += a[i] * b[i];
		t = omp_get_wtime() - t; if (t < best[3]) best[3] = t;
		s += d;
	}
	printf("threads=%d copy %.2f triad %.2f sum %.2f dot %.2f (%g)\n", omp_get_max_threads(),
		16.0 * n / best[0] / 1e9, 24.0 * n / best[1] / 1e9, 8.0 * n / best[2] / 1e9,
		16.0 * n / best[3] / 1e9, s + c[n / 2]);
	return 0;
}
