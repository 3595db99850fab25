/* SPDX-License-Identifier: GPL-3.0-or-later */
/* CordPhysicalPage internals the tests reach: the panel shown, drops, clicks and keys without a pointer. */
#pragma once

#include "cord-physical-page.h"
#include "cord-render-panel.h"

G_BEGIN_DECLS

/* What a drag carries: a module from the list, or the module in a slot
 * of one device. */
#define CORD_PHYSICAL_MODULE_PREFIX "patchcord-module:"
#define CORD_PHYSICAL_SLOT_PREFIX   "patchcord-slot:"

char            *_cord_physical_page_module_payload (const char       *module);
char            *_cord_physical_page_slot_payload   (CordDevice       *device,
                                                     const char       *slot);

/* The panel as laid out now (NULL once the device is gone). */
CordRenderPanel *_cord_physical_page_get_panel     (CordPhysicalPage *self);
/* How many times the panel was painted. */
guint            _cord_physical_page_get_n_draws   (CordPhysicalPage *self);
GtkListBox      *_cord_physical_page_get_list      (CordPhysicalPage *self);
GtkWidget       *_cord_physical_page_get_area      (CordPhysicalPage *self);
/* The label of the message bar, and the one under the list. */
GtkLabel        *_cord_physical_page_get_banner_label (CordPhysicalPage *self);
GtkLabel        *_cord_physical_page_get_description  (CordPhysicalPage *self);
/* The module a list row offers. */
const char      *_cord_physical_page_row_module    (GtkListBoxRow    *row);
/* The slot with the selection ring, or NULL. */
const char      *_cord_physical_page_get_selected  (CordPhysicalPage *self);
/* A point of the panel in the drawing area's coordinates. */
void             _cord_physical_page_to_widget     (CordPhysicalPage *self,
                                                    double            px,
                                                    double            py,
                                                    double           *x,
                                                    double           *y);
/* What the drawing area does with a drop of @payload at @x, @y, with a
 * primary click there, and with a key. */
/* What a drag over the panel shows: the slot under it, green when it
 * would take the module, red when not. */
GdkDragAction    _cord_physical_page_drag_motion   (CordPhysicalPage *self,
                                                    const char       *payload,
                                                    double            x,
                                                    double            y);
const char      *_cord_physical_page_get_drop_slot (CordPhysicalPage *self,
                                                    gboolean         *ok);
gboolean         _cord_physical_page_drop          (CordPhysicalPage *self,
                                                    const char       *payload,
                                                    double            x,
                                                    double            y);
void             _cord_physical_page_click         (CordPhysicalPage *self,
                                                    double            x,
                                                    double            y,
                                                    int               n_press);
gboolean         _cord_physical_page_key           (CordPhysicalPage *self,
                                                    guint             keyval,
                                                    GdkModifierType   state);

G_END_DECLS
