/* SPDX-License-Identifier: GPL-3.0-or-later */
/* What the suites that run a built program keep of one run: its exit status and output. */
#pragma once

#include <gio/gio.h>

typedef struct {
  int   status;
  char *out;
  char *err;
} Result;

static inline void
result_clear (Result *r)
{
  g_free (r->out);
  g_free (r->err);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Result, result_clear)

/* A subprocess's output as a string; "" when it printed nothing. */
static inline char *
bytes_to_string (GBytes *bytes)
{
  gsize len = 0;
  const char *data = bytes != NULL ? g_bytes_get_data (bytes, &len) : NULL;

  return data != NULL ? g_strndup (data, len) : g_strdup ("");
}
