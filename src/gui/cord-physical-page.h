/* SPDX-License-Identifier: GPL-3.0-or-later */
/* CordPhysicalPage: a device's Physical tab, with the modules that fit, its panel, its power switch and its module slots. */
#pragma once

#include <gtk/gtk.h>

#include "cord-document.h"

G_BEGIN_DECLS

#define CORD_TYPE_PHYSICAL_PAGE (cord_physical_page_get_type ())
G_DECLARE_FINAL_TYPE (CordPhysicalPage, cord_physical_page, CORD, PHYSICAL_PAGE, GtkWidget)

/* The page of @device, a device of @document's topology. It follows the
 * device through every edit, undo and redo. */
GtkWidget  *cord_physical_page_new          (CordDocument     *document,
                                             CordDevice       *device);

/* What a drop does: inserts @module into @slot, or removes the module
 * in @slot, as one undoable edit. On refusal the page shows why and what
 * to do, and they return FALSE. */
gboolean    cord_physical_page_insert       (CordPhysicalPage *self,
                                             const char       *slot,
                                             const char       *module);
gboolean    cord_physical_page_remove       (CordPhysicalPage *self,
                                             const char       *slot);
/* What a click on the power switch does. */
void        cord_physical_page_toggle_power (CordPhysicalPage *self);
/* The message the page shows, or NULL when it shows none. */
const char *cord_physical_page_get_message  (CordPhysicalPage *self);

G_END_DECLS
