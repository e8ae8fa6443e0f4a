/*
 * Runs a fuzz harness over files (the seed corpus), for builds without
 * libFuzzer: every build checks the corpus still passes.
 *
 * With -t SECONDS it then fuzzes a little on its own until the time is up:
 * each round takes a file of the corpus and changes it a few times (bytes
 * flipped, set to a value that often matters, inserted, removed, copied
 * from elsewhere in it or from another file, the tokens of templates and
 * queries). It is no match for libFuzzer, which follows the coverage, but
 * it lets gcc and sanitizer builds fuzz too. Round k is the same from run
 * to run (its seed is k); before the harness aborts or a sanitizer stops
 * the program, the input is written to fuzz-failure-<name>-<pid> in the
 * current directory.
 *
 * usage: fuzz_replay_<name> [-t SECONDS] FILE...
 * SPDX-License-Identifier: MIT
 */
#include <fcntl.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Given by the sanitizers' runtime: called before they stop the program. */
void __sanitizer_set_death_callback(void (*callback)(void)) __attribute__((weak));

#define MAX_INPUT 65536

static uint8_t current[MAX_INPUT];
static size_t current_size;
static volatile sig_atomic_t mutating;
static char failure_name[128];

/* Writes the input being run to failure_name: only async-signal-safe calls. */
static void keep_current(void)
{
	static const char msg[] = "fuzz_replay: the failing input is in ";
	ssize_t w;
	int fd;

	if (!mutating)
		return;
	mutating = 0;
	if ((fd = open(failure_name, O_WRONLY | O_CREAT | O_TRUNC, 0644)) >= 0) {
		w = write(fd, current, current_size);
		close(fd);
	}
	w = write(2, msg, sizeof(msg) - 1);
	w = write(2, failure_name, strlen(failure_name));
	w = write(2, "\n", 1);
	(void)w;
}

static void on_signal(int sig)
{
	keep_current();
	signal(sig, SIG_DFL);
	raise(sig);
}

static uint64_t rng;

static uint64_t next(void)
{
	/* xorshift64* */
	rng ^= rng >> 12;
	rng ^= rng << 25;
	rng ^= rng >> 27;
	return rng * UINT64_C(2685821657736338717);
}

static size_t below(size_t n)
{
	return n ? (size_t)(next() % n) : 0;
}

struct file {
	uint8_t *data;
	size_t size;
};

/* Bytes that often change what a parser does. */
static const char *const tokens[] = {
	"{", "}", "{{", "{?", "{^", "{/", "{me.name}", "{contact.name}", "{?advice}", "{/advice}",
	"Subject:", "\n", "\r\n", "\"", "'", "*", "-", "+", "(", ")", ":", "NEAR", "AND", "OR", "NOT",
	"\xc3\xa9", "\xe2\x80\x94", "\xf0\x9f\x99\x82", "\xff", "\xc3", "\xed\xa0\x80", "\t", " ",
	"2026-03-05T15:00", "Z", "+01:00", "pm", "tomorrow", "next", "in", "9999", "0000", "-9", "99999",
};

static void insert(uint8_t *buf, size_t *size, const void *what, size_t n)
{
	size_t at = below(*size + 1);

	if (*size + n > MAX_INPUT)
		return;
	memmove(buf + at + n, buf + at, *size - at);
	memcpy(buf + at, what, n);
	*size += n;
}

/* One change to buf. */
static void mutate(uint8_t *buf, size_t *size, const struct file *files, int n_files)
{
	static const uint8_t values[] = { 0, 1, 0x7f, 0x80, 0xff, 0xe0, 0xf0, '0', '9', 'a', ' ' };
	const struct file *other;
	size_t at, n;
	uint8_t b;

	switch (next() % 8) {
	case 0: /* flip a bit */
		if (*size)
			buf[below(*size)] ^= (uint8_t)(1u << below(8));
		break;
	case 1: /* a value that matters */
		if (*size)
			buf[below(*size)] = values[below(sizeof(values))];
		break;
	case 2: /* insert a byte */
		b = (uint8_t)next();
		insert(buf, size, &b, 1);
		break;
	case 3: /* remove a range */
		if (*size) {
			at = below(*size);
			n = 1 + below(*size - at < 16 ? *size - at : 16);
			memmove(buf + at, buf + at + n, *size - at - n);
			*size -= n;
		}
		break;
	case 4: /* copy a range of itself elsewhere */
		if (*size) {
			uint8_t tmp[64];

			at = below(*size);
			n = 1 + below(*size - at < sizeof(tmp) ? *size - at : sizeof(tmp));
			memcpy(tmp, buf + at, n);
			insert(buf, size, tmp, n);
		}
		break;
	case 5: /* a token */
		at = below(sizeof(tokens) / sizeof(tokens[0]));
		insert(buf, size, tokens[at], strlen(tokens[at]));
		break;
	case 6: /* a range of another file */
		other = &files[below((size_t)n_files)];
		if (other->size) {
			at = below(other->size);
			n = 1 + below(other->size - at < 256 ? other->size - at : 256);
			insert(buf, size, other->data + at, n);
		}
		break;
	default: /* cut the end */
		*size = below(*size + 1);
		break;
	}
}

static int read_file(struct file *f, const char *path)
{
	FILE *fp = fopen(path, "rb");
	long n;

	f->data = NULL;
	if (!fp || fseek(fp, 0, SEEK_END) != 0 || (n = ftell(fp)) < 0 || fseek(fp, 0, SEEK_SET) != 0 ||
	    !(f->data = malloc((size_t)n + 1)) || fread(f->data, 1, (size_t)n, fp) != (size_t)n) {
		if (fp)
			fclose(fp);
		free(f->data);
		return -1;
	}
	fclose(fp);
	f->size = (size_t)n;
	return 0;
}

int main(int argc, char **argv)
{
	const char *name = strrchr(argv[0], '/') ? strrchr(argv[0], '/') + 1 : argv[0];
	struct file *files;
	double seconds = 0;
	int i, first = 1, n_files;
	unsigned long rounds = 0;
	time_t end;

	if (argc > 2 && strcmp(argv[1], "-t") == 0) {
		seconds = atof(argv[2]);
		first = 3;
	}
	if (argc <= first) {
		fprintf(stderr, "usage: %s [-t SECONDS] FILE...\n", argv[0]);
		return 2;
	}
	n_files = argc - first;
	if (!(files = calloc((size_t)n_files, sizeof(*files))))
		return 1;
	for (i = 0; i < n_files; i++) {
		if (read_file(&files[i], argv[first + i]) < 0) {
			fprintf(stderr, "%s: cannot read %s\n", argv[0], argv[first + i]);
			return 1;
		}
		LLVMFuzzerTestOneInput(files[i].data, files[i].size);
		if (seconds <= 0)
			printf("ok %s\n", argv[first + i]);
	}
	if (seconds > 0) {
		snprintf(failure_name, sizeof(failure_name), "fuzz-failure-%s-%ld", name, (long)getpid());
		signal(SIGABRT, on_signal);
		signal(SIGSEGV, on_signal);
		signal(SIGBUS, on_signal);
		if (__sanitizer_set_death_callback)
			__sanitizer_set_death_callback(keep_current);
		end = time(NULL) + (time_t)seconds;
		do {
			const struct file *f = &files[rounds % (unsigned long)n_files];
			int changes;

			rng = UINT64_C(0x9e3779b97f4a7c15) * (rounds + 1);
			current_size = f->size < MAX_INPUT ? f->size : MAX_INPUT;
			memcpy(current, f->data, current_size);
			for (changes = 1 + (int)below(8); changes > 0; changes--)
				mutate(current, &current_size, files, n_files);
			mutating = 1;
			LLVMFuzzerTestOneInput(current, current_size);
			mutating = 0;
			rounds++;
		} while (time(NULL) < end);
		printf("%s: %d files, then %lu changed inputs in %g s: no failure\n", name, n_files, rounds,
		       seconds);
	}
	for (i = 0; i < n_files; i++)
		free(files[i].data);
	free(files);
	return 0;
}
