/* SPDX-License-Identifier: GPL-3.0-or-later */
/* CordRenderPanel: a device's faceplate (ports, slots, modules, power switch) laid out and drawn with cairo, and no GTK. */
#pragma once

#include <cairo.h>
#include <graphene.h>

#include "topology.h"

G_BEGIN_DECLS

/* What a point of the panel is. */
typedef enum {
  CORD_PANEL_HIT_SLOT,
  CORD_PANEL_HIT_POWER,
  CORD_PANEL_HIT_PORT,
} CordPanelHitKind;

/* A part of the panel a pointer can touch, in panel units (one unit is a
 * logical pixel at zoom 1, the panel's top-left corner is 0, 0). */
typedef struct {
  CordPanelHitKind  kind;
  const char       *id;       /* the slot id or the port name; NULL for the power switch */
  guint             depth;    /* slots: 0 on the chassis, 1 on a module */
  graphene_rect_t   rect;
} CordPanelHit;

/* What a widget shows on top of the panel; every field may be empty. */
typedef struct {
  const char *selected;       /* the slot with the selection ring */
  gboolean    power_selected; /* the power switch has the ring instead */
  const char *drop_slot;      /* the slot under a dragged module */
  gboolean    drop_ok;        /* it would take the module: green, else red */
  const char *lifted;         /* the slot whose module is being dragged out */
} CordPanelMarks;

typedef struct _CordRenderPanel CordRenderPanel;

/* Lays out @device's panel as it is now. The panel borrows the device:
 * build a new one when its modules or ports change, and free it before
 * the device goes. Power and cables are read on every draw. */
CordRenderPanel    *cord_render_panel_new        (CordDevice            *device);
void                cord_render_panel_free       (CordRenderPanel       *self);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CordRenderPanel, cord_render_panel_free)

CordDevice         *cord_render_panel_get_device (CordRenderPanel       *self);
void                cord_render_panel_get_size   (CordRenderPanel       *self,
                                                  double                *width,
                                                  double                *height);
/* Every slot (the chassis's and those of installed modules), every port
 * and the power switch. */
guint               cord_render_panel_get_n_hits (CordRenderPanel       *self);
const CordPanelHit *cord_render_panel_get_hit    (CordRenderPanel       *self,
                                                  guint                  index);
/* The innermost part under @x, @y (a sub-slot before the module's slot),
 * or NULL. */
const CordPanelHit *cord_render_panel_hit_test   (CordRenderPanel       *self,
                                                  double                 x,
                                                  double                 y);
const CordPanelHit *cord_render_panel_find_slot  (CordRenderPanel       *self,
                                                  const char            *slot);
/* The centre of the power LED. */
void                cord_render_panel_get_led    (CordRenderPanel       *self,
                                                  graphene_point_t      *centre);
/* Draws the panel with its top-left corner at @cr's origin. */
void                cord_render_panel_draw       (CordRenderPanel       *self,
                                                  cairo_t               *cr,
                                                  const CordPanelMarks  *marks);

/* The faceplate of @module alone, fitted into @width × @height at @cr's
 * origin: the picture of a row in a module list. */
void                cord_render_module_picture   (cairo_t               *cr,
                                                  const CordModuleSpec  *module,
                                                  double                 width,
                                                  double                 height);

G_END_DECLS
