/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The error domain and codes for failures a user can cause in the core. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define CORD_ERROR (cord_error_quark ())

typedef enum {
  CORD_ERROR_FAILED,
  CORD_ERROR_PARSE,           /* malformed XML or script syntax */
  CORD_ERROR_INVALID,         /* well-formed but wrong content */
  CORD_ERROR_VERSION,         /* saved by a later format version */
  CORD_ERROR_UNKNOWN_MODEL,
  CORD_ERROR_UNKNOWN_PORT,
  CORD_ERROR_UNKNOWN_DEVICE,
  CORD_ERROR_UNKNOWN_MODULE,
  CORD_ERROR_EXISTS,          /* a name already in use */
  CORD_ERROR_BUSY,            /* a port already holds a link */
  CORD_ERROR_MEDIUM,          /* a cable that does not fit the port */
  CORD_ERROR_POWERED,         /* the device must be powered off first */
  CORD_ERROR_SLOT,            /* a slot that is empty, taken or wrong */
  CORD_ERROR_LIMIT,           /* an input over one of the documented bounds */
  CORD_ERROR_NOT_SUPPORTED,
} CordError;

GQuark cord_error_quark (void);

G_END_DECLS
