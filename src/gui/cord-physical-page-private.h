/* SPDX-License-Identifier: GPL-3.0-or-later */
/* CordPhysicalPage internals: its fields, what its two files share, and what the tests reach (drops, clicks and keys without a pointer). */
#pragma once

#include "cord-physical-page.h"
#include "cord-render-panel.h"

G_BEGIN_DECLS

#define PHYSICAL_MARGIN        16.0   /* round the panel, in logical pixels */
#define PHYSICAL_MIN_ZOOM       0.25
#define PHYSICAL_MAX_ZOOM       6.0
#define PHYSICAL_MAX_FIT_ZOOM   3.0
#define PHYSICAL_ZOOM_STEP      1.25
#define PHYSICAL_PICTURE_W     84
#define PHYSICAL_PICTURE_H     30

struct _CordPhysicalPage
{
  GtkWidget          parent_instance;

  /* Template widgets. */
  GtkWidget         *paned;
  GtkListBox        *module_list;
  GtkLabel          *description;
  GtkRevealer       *banner;
  GtkLabel          *banner_label;
  GtkLabel          *hint;
  GtkScrolledWindow *scroller;
  GtkDrawingArea    *area;

  CordDocument      *document;
  CordTopology      *topology;
  CordDevice        *device;         /* NULL once it has gone */
  gulong             handlers[7];
  gulong             document_handler;

  CordRenderPanel   *panel;
  gboolean           panel_stale;    /* ports came or went: lay out again */
  gboolean           fit;            /* the zoom follows the page's size */
  double             zoom;           /* when not fitting */
  char              *selected;       /* the slot with the selection ring */
  gboolean           power_selected;
  gboolean           power_pressed;
  char              *drop_slot;      /* under a dragged module */
  gboolean           drop_ok;
  char              *drag_slot;      /* whose module is being dragged out */
  GtkWidget         *menu;           /* a slot's context menu */
  guint              n_draws;
};

/* What a drag carries: a module from the list, or the module in a slot
 * of one device. */
#define CORD_PHYSICAL_MODULE_PREFIX "patchcord-module:"
#define CORD_PHYSICAL_SLOT_PREFIX   "patchcord-slot:"

char            *_cord_physical_page_module_payload (const char       *module);
char            *_cord_physical_page_slot_payload   (CordDevice       *device,
                                                     const char       *slot);

/* cord-physical-page.c */

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

/* The view: the zoom and the drawing-area point of the panel's corner,
 * and points and rectangles from one to the other. */
void                _cord_physical_page_view          (CordPhysicalPage      *self,
                                                       double                *zoom,
                                                       double                *ox,
                                                       double                *oy);
void                _cord_physical_page_to_panel      (CordPhysicalPage      *self,
                                                       double                 wx,
                                                       double                 wy,
                                                       double                *px,
                                                       double                *py);
void                _cord_physical_page_rect_to_widget (CordPhysicalPage     *self,
                                                       const graphene_rect_t *r,
                                                       GdkRectangle          *out);
void                _cord_physical_page_zoom_by       (CordPhysicalPage      *self,
                                                       double                 factor);
const CordPanelHit *_cord_physical_page_hit_at        (CordPhysicalPage      *self,
                                                       double                 x,
                                                       double                 y);
/* The innermost slot under @x, @y; with @occupied, the innermost one
 * that holds a module. */
const char         *_cord_physical_page_slot_at       (CordPhysicalPage      *self,
                                                       double                 x,
                                                       double                 y,
                                                       gboolean               occupied);
void                _cord_physical_page_select_slot   (CordPhysicalPage      *self,
                                                       const char            *slot);
void                _cord_physical_page_select_power  (CordPhysicalPage      *self);
void                _cord_physical_page_show_message  (CordPhysicalPage      *self,
                                                       const char            *text);
/* The module picked in the list, or NULL. */
const char         *_cord_physical_page_selected_module (CordPhysicalPage    *self);

/* cord-physical-page-input.c */
void                _cord_physical_page_class_init_input (GtkWidgetClass     *widget_class);
/* Clicks, keys, tooltips, the slot menu and drag and drop on the panel. */
void                _cord_physical_page_init_input    (CordPhysicalPage      *self);
/* A list row's module can be dragged onto the panel. */
void                _cord_physical_page_add_row_drag  (CordPhysicalPage      *self,
                                                       GtkWidget             *row);

G_END_DECLS
