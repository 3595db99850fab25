/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Internals the panel's files share: its geometry, its drawn items, the panel itself and its colours. */
#pragma once

#include <pango/pangocairo.h>

#include "cord-render-panel.h"
#include "cord-render-private.h"

G_BEGIN_DECLS

/* Geometry, in panel units. */
#define PAD          12.0   /* chassis edge to its content */
#define EAR          18.0   /* a rack-mount flange */
#define HEADER       20.0   /* the row of the model name */
#define ROW_GAP      12.0
#define BLOCK_GAP    18.0
#define PORT_GAP      6.0
#define PORT_ROW_GAP  3.0
#define BLOCK_COLS    6     /* switch ports come in blocks of six columns */
#define LABEL_H       8.0
#define TITLE_H      10.0
#define SCREW_W      14.0   /* the end of a plate, with its screw */
#define PLATE_TOP    13.0   /* the band a plate's name is printed in */
#define PLATE_GAP    10.0
#define POWER_W      64.0
#define POWER_H      40.0
#define LED_R         4.0
#define MIN_CONTENT 260.0
#define TOWER_W     200.0
#define GRILLE_H     84.0

#define TEXT_PORT     6.0
#define TEXT_TITLE    7.0
#define TEXT_PLATE    7.0
#define TEXT_MODEL   12.0

/* The plate sizes of the slot families. */
#define CARD_W      124.0   /* WIC, HWIC, EHWIC */
#define CARD_H       42.0
#define SUB_W       112.0   /* a WIC bay on a network module */
#define SUB_H        42.0
#define NM_W        340.0
#define NM_H         72.0
#define BAY_W       104.0   /* Packet Tracer's generic modules */
#define BAY_H        46.0

typedef enum {
  ITEM_CHASSIS,
  ITEM_TEXT,
  ITEM_PORT,
  ITEM_BLANK,         /* the cover of an empty slot */
  ITEM_PLATE,         /* an installed module's faceplate */
  ITEM_POWER,
  ITEM_GRILLE,
} ItemKind;

typedef enum {
  SHAPE_RJ45,
  SHAPE_CONSOLE,
  SHAPE_AUX,
  SHAPE_SFP,
  SHAPE_SERIAL,
  SHAPE_DSUB,
  SHAPE_OCTAL,
  SHAPE_ANTENNA,
} PortShape;

typedef enum {
  INK_BODY,           /* printed on the chassis */
  INK_PLATE,          /* printed on a module */
  INK_BLANK,          /* printed on an empty slot's cover */
} Ink;

typedef struct {
  ItemKind              kind;
  graphene_rect_t       r;
  const char           *text;    /* TEXT: what; PORT: the port name or NULL; BLANK, PLATE: the slot */
  const CordModuleSpec *module;  /* PLATE */
  PortShape             shape;   /* PORT */
  double                size;    /* TEXT: font size */
  gboolean              bold;    /* TEXT */
  Ink                   ink;     /* TEXT */
  int                   align;   /* TEXT: -1 left, 0 centre, 1 right in r */
} Item;

typedef enum {
  BODY_RACK,
  BODY_TOWER,
  BODY_LAPTOP,
} BodyShape;

struct _CordRenderPanel
{
  CordDevice       *device;      /* NULL for a module's picture */
  GStringChunk     *strings;
  GArray           *items;       /* Item, in painting order */
  GArray           *hits;        /* CordPanelHit */
  PangoContext     *measure;     /* only while laying out */
  BodyShape         body;
  RenderRgb         body_rgb;
  gboolean          body_light;  /* dark ink on the chassis */
  double            width;
  double            height;
  graphene_point_t  led;
};

/* The panel's own colours; the link lights are the canvas's. */
static const RenderRgb PANEL_METAL      = { 0.780, 0.788, 0.800 };
static const RenderRgb PANEL_METAL_DARK = { 0.470, 0.480, 0.500 };
static const RenderRgb PANEL_HOLE       = { 0.070, 0.072, 0.085 };
static const RenderRgb PANEL_GOLD       = { 0.850, 0.690, 0.260 };
static const RenderRgb PANEL_BLANK      = { 0.270, 0.285, 0.310 };
static const RenderRgb PANEL_LED_OFF    = { 0.180, 0.200, 0.185 };
static const RenderRgb PANEL_LIGHT_INK  = { 0.925, 0.930, 0.945 };
static const RenderRgb PANEL_BLANK_INK  = { 0.700, 0.715, 0.740 };

/* cord-render-panel.c */
void         _cord_render_panel_set_unhinted (PangoContext    *context);
PangoLayout *_cord_render_panel_text_layout  (PangoContext    *context,
                                              const char      *text,
                                              double           size,
                                              gboolean         bold);

/* cord-render-panel-draw.c */
/* Paints every item, in order. */
void         _cord_render_panel_paint        (CordRenderPanel *self,
                                              cairo_t         *cr);

G_END_DECLS
