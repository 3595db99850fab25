/* SPDX-License-Identifier: GPL-3.0-or-later */
/* CordPalette: the device-type selection box, with a row of categories and a row of the chosen category's models or cables. */
#pragma once

#include <gtk/gtk.h>

#include "catalog.h"
#include "topology.h"

G_BEGIN_DECLS

/* The first four follow CordCategory. */
typedef enum {
  CORD_PALETTE_ROUTERS,
  CORD_PALETTE_SWITCHES,
  CORD_PALETTE_HUBS,
  CORD_PALETTE_END_DEVICES,
  CORD_PALETTE_CONNECTIONS,
  CORD_PALETTE_OTHER,
} CordPaletteCategory;

#define CORD_TYPE_PALETTE (cord_palette_get_type ())
G_DECLARE_FINAL_TYPE (CordPalette, cord_palette, CORD, PALETTE, GtkWidget)

GtkWidget           *cord_palette_new            (void);
void                 cord_palette_set_category   (CordPalette         *self,
                                                  CordPaletteCategory  category);
CordPaletteCategory  cord_palette_get_category   (CordPalette         *self);
/* Forgets the chosen model or cable, as when the canvas goes back to
 * selecting. */
void                 cord_palette_unselect       (CordPalette         *self);
/* The text under the rows. */
const char          *cord_palette_get_status     (CordPalette         *self);

/* "2960-24TT — 24 FastEthernet + 2 GigabitEthernet ports", from the
 * model's fixed ports and default modules. */
char                *cord_palette_describe_model (const CordModelSpec *model);
/* A device icon from the resources at @size pixels (twice that for
 * sharpness), or NULL when the art is missing. */
GdkPaintable        *cord_palette_load_icon      (const char          *name,
                                                  int                  size);
const char          *cord_palette_icon_for_kind  (CordDeviceKind       kind);

G_END_DECLS
