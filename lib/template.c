/*
 * The template engine of the drafts: "{name}" placeholders, "{{" for a
 * literal "{".
 */
#include <stdlib.h>
#include <string.h>

#include "template.h"
#include "util.h"

/* Longest part of an unknown placeholder's name quoted in the error message. */
#define NAME_SHOWN 48

static const char *const names[IV__T_COUNT] = {
	"me.name", "me.background", "me.exploring",
	"contact.name", "contact.first_name", "contact.company", "contact.title",
	"purpose",
	"introducer.name", "introducer.first_name",
	"introduced.name", "introduced.first_name",
	"advice", "advice.list",
};

void iv__buf_put(iv__buf *b, const char *s, size_t n)
{
	if (b->failed || n == 0)
		return;
	if (b->len + n + 1 > b->alloc) {
		size_t alloc = b->alloc ? b->alloc : 256;
		char *p;

		while (alloc < b->len + n + 1)
			alloc *= 2;
		if (!(p = realloc(b->p, alloc))) {
			b->failed = 1;
			return;
		}
		b->p = p;
		b->alloc = alloc;
	}
	memcpy(b->p + b->len, s, n);
	b->len += n;
	b->p[b->len] = '\0';
}

int iv__buf_finish(char **out, iv__buf *b)
{
	char *text = b->p;
	int failed = b->failed;

	*b = (iv__buf){ NULL, 0, 0, 0 };
	*out = NULL;
	if (!failed && !text && !(text = calloc(1, 1)))
		failed = 1;
	if (failed) {
		free(text);
		return iv__oom();
	}
	*out = text;
	return 0;
}

static int lookup(const char *name, size_t len)
{
	int i;

	for (i = 0; i < IV__T_COUNT; i++)
		if (strlen(names[i]) == len && memcmp(names[i], name, len) == 0)
			return i;
	return -1;
}

static int unknown(const char *name, size_t len)
{
	size_t shown = len;

	if (shown > NAME_SHOWN) {
		/* Cut on a character boundary, so that the message stays UTF-8. */
		shown = NAME_SHOWN;
		while (shown > 0 && ((unsigned char)name[shown] & 0xC0) == 0x80)
			shown--;
	}
	return iv__error(IV_EINVALID, "template: unknown placeholder {%.*s%s}",
			 (int)shown, name, shown < len ? "..." : "");
}

int iv__template_fill(char **out, const char *tmpl, const iv__tval values[IV__T_COUNT])
{
	iv__buf b = { NULL, 0, 0, 0 };
	const char *p = tmpl;
	int error;

	*out = NULL;
	if ((error = iv__check_text("template", tmpl, IV_LIMIT_TEXT, 0)) < 0)
		return error;
	while (*p) {
		const char *open = strchr(p, '{');
		size_t len;
		int which;

		if (!open) {
			iv__buf_put(&b, p, strlen(p));
			break;
		}
		iv__buf_put(&b, p, (size_t)(open - p));
		if (open[1] == '{') {
			iv__buf_put(&b, "{", 1);
			p = open + 2;
			continue;
		}
		/* A name never spans lines nor holds a "{": stop there, not at a far "}". */
		len = strcspn(open + 1, "{}\n");
		if (open[1 + len] != '}') {
			free(b.p);
			return iv__error(IV_EINVALID, "template: unclosed { at byte %zu", (size_t)(open - tmpl));
		}
		if ((which = lookup(open + 1, len)) < 0) {
			free(b.p);
			return unknown(open + 1, len);
		}
		iv__buf_put(&b, values[which].s, values[which].len);
		p = open + len + 2;
	}
	return iv__buf_finish(out, &b);
}
