/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The quark behind CORD_ERROR. */
#include "cord-error.h"

G_DEFINE_QUARK (cord-error-quark, cord_error)
