/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Internals CordCanvas shares between its behaviour (cord-canvas.c), its input (cord-canvas-input.c), its in-place editors (cord-canvas-editors.c) and its bridge to the renderer (cord-canvas-draw.c), and hooks for its tests. */
#pragma once

#include "cord-canvas.h"
#include "cord-render.h"

G_BEGIN_DECLS

/* Model units, as the renderer draws them. */
#define CANVAS_ICON        CORD_RENDER_ICON
#define CANVAS_GRID        CORD_RENDER_GRID
#define CANVAS_ZOOM_MIN    0.25
#define CANVAS_ZOOM_MAX    4.0

typedef enum {
  CANVAS_DRAG_NONE,
  CANVAS_DRAG_MOVE,       /* the selection follows the pointer */
  CANVAS_DRAG_RUBBER,     /* a rubber band selects what it touches */
  CANVAS_DRAG_PAN,        /* the view follows the pointer */
} CanvasDragMode;

/* What lies under a point: the renderer's hit testing. */
typedef CordRenderHitKind CanvasHitKind;
typedef CordRenderHit     CanvasHit;
#define CANVAS_HIT_NONE        CORD_RENDER_HIT_NONE
#define CANVAS_HIT_DEVICE      CORD_RENDER_HIT_DEVICE
#define CANVAS_HIT_DEVICE_NAME CORD_RENDER_HIT_DEVICE_NAME
#define CANVAS_HIT_LINK        CORD_RENDER_HIT_LINK
#define CANVAS_HIT_NOTE        CORD_RENDER_HIT_NOTE

struct _CordCanvas
{
  GtkWidget        parent_instance;

  CordTopology    *topology;
  CordSim         *sim;

  CordCanvasTool   tool;
  char            *place_model;
  CordCable        cable;
  gboolean         tool_sticky;    /* Ctrl held: the tool stays after use */

  /* The view: widget = (model - origin) * zoom. */
  double           zoom;
  double           origin_x;
  double           origin_y;
  gboolean         view_ready;     /* the first allocation frames the lab */

  GHashTable      *sel_devices;    /* CordDevice* set */
  GHashTable      *sel_links;      /* CordLink* set */
  GHashTable      *sel_notes;      /* CordNote* set */
  CanvasHit        hover;

  /* The pointer, in widget coordinates, as last seen. */
  double           pointer_x;
  double           pointer_y;
  gboolean         pointer_inside;
  gboolean         space_held;

  CanvasDragMode   drag_mode;
  gboolean         drag_started;   /* moved beyond the threshold */
  double           drag_x0;        /* press point, widget coordinates */
  double           drag_y0;
  double           drag_dx;        /* offset so far, model units */
  double           drag_dy;
  double           pan_origin_x;
  double           pan_origin_y;
  GHashTable      *band_base[3];   /* with Shift: devices, links, notes at the press */
  CordDevice      *press_name_device; /* pressed on a selected device's name */
  gboolean         double_pressed; /* this press is a double-click's second */

  /* Connect tool. */
  CordPort        *connect_from;   /* first end, once picked */
  CordDevice      *picking_device; /* whose ports the popover lists */
  GtkWidget       *port_popover;
  GtkWidget       *port_list;

  /* Note editor. */
  GtkWidget       *note_popover;
  GtkWidget       *note_view;
  CordNote        *editing_note;   /* NULL: a new note */
  double           note_x;
  double           note_y;
  gboolean         note_done;      /* committed or cancelled already */

  /* In-place rename. */
  GtkWidget       *rename_entry;
  CordDevice      *renaming;
  guint            rename_timeout;

  /* A palette drag hovering over the canvas. */
  char            *drop_model;
  double           drop_x;
  double           drop_y;

  CordCanvasForwardingFunc forwarding_func;
  gpointer         forwarding_data;
  GDestroyNotify   forwarding_destroy;

  /* Draws the lab and holds what it lays out and rasterises. */
  CordRender      *render;
};

/* cord-canvas.c */
void             _cord_canvas_widget_to_model    (CordCanvas          *self,
                                                  double               wx,
                                                  double               wy,
                                                  double              *mx,
                                                  double              *my);
void             _cord_canvas_model_to_widget    (CordCanvas          *self,
                                                  double               mx,
                                                  double               my,
                                                  double              *wx,
                                                  double              *wy);
void             _cord_canvas_emit_error         (CordCanvas          *self,
                                                  const GError        *error);
void             _cord_canvas_emit_device_activated (CordCanvas       *self,
                                                  CordDevice          *device);
void             _cord_canvas_view_changed       (CordCanvas          *self);
void             _cord_canvas_update_cursor      (CordCanvas          *self);
gboolean         _cord_canvas_popover_open       (GtkWidget           *popover);
guint            _cord_canvas_selection_size     (CordCanvas          *self);
GHashTable      *_cord_canvas_selection_set      (CordCanvas          *self,
                                                  CanvasHitKind        kind);
void             _cord_canvas_selection_changed  (CordCanvas          *self,
                                                  gboolean             had_selection);
gboolean         _cord_canvas_selection_clear    (CordCanvas          *self);
void             _cord_canvas_select_only        (CordCanvas          *self,
                                                  GHashTable          *set,
                                                  gpointer             item);
void             _cord_canvas_zoom_at            (CordCanvas          *self,
                                                  double               zoom,
                                                  double               wx,
                                                  double               wy);

/* cord-canvas-input.c */
void             _cord_canvas_input_init         (CordCanvas          *self);
gboolean         _cord_canvas_key                (CordCanvas          *self,
                                                  guint                keyval,
                                                  GdkModifierType      state);
void             _cord_canvas_band_end           (CordCanvas          *self);

/* cord-canvas-editors.c */
void             _cord_canvas_editors_init       (CordCanvas          *self);
void             _cord_canvas_open_port_picker   (CordCanvas          *self,
                                                  CordDevice          *device);
void             _cord_canvas_open_note_editor   (CordCanvas          *self,
                                                  CordNote            *note,
                                                  double               mx,
                                                  double               my);
void             _cord_canvas_commit_note        (CordCanvas          *self);
void             _cord_canvas_start_rename       (CordCanvas          *self,
                                                  CordDevice          *device);
void             _cord_canvas_cancel_rename      (CordCanvas          *self);
void             _cord_canvas_commit_rename      (CordCanvas          *self);
gboolean         _cord_canvas_rename_after_click (gpointer             data);

/* cord-canvas-draw.c: the canvas's side of the renderer */
void             _cord_canvas_draw_init          (CordCanvas          *self);
void             _cord_canvas_draw_clear         (CordCanvas          *self);
/* Hands the selection, hover and drag to the renderer before it draws
 * or measures. */
CordRender      *_cord_canvas_render             (CordCanvas          *self);
void             _cord_canvas_forget_device      (CordCanvas          *self,
                                                  CordDevice          *device);
void             _cord_canvas_forget_note        (CordCanvas          *self,
                                                  CordNote            *note);
void             _cord_canvas_snapshot           (CordCanvas          *self,
                                                  GtkSnapshot         *snapshot);
CanvasHit        _cord_canvas_hit_test           (CordCanvas          *self,
                                                  double               mx,
                                                  double               my);
/* Where @device is drawn: its position, moved along while it is dragged. */
void             _cord_canvas_device_position    (CordCanvas          *self,
                                                  CordDevice          *device,
                                                  double              *x,
                                                  double              *y);
void             _cord_canvas_device_bounds      (CordCanvas          *self,
                                                  CordDevice          *device,
                                                  graphene_rect_t     *bounds);
/* The part of the icon that is drawn: what a rubber band must touch. */
void             _cord_canvas_icon_bounds        (CordCanvas          *self,
                                                  CordDevice          *device,
                                                  graphene_rect_t     *bounds);
void             _cord_canvas_name_bounds        (CordCanvas          *self,
                                                  CordDevice          *device,
                                                  graphene_rect_t     *bounds);
void             _cord_canvas_note_bounds        (CordCanvas          *self,
                                                  CordNote            *note,
                                                  graphene_rect_t     *bounds);
gboolean         _cord_canvas_link_ends          (CordCanvas          *self,
                                                  CordLink            *link,
                                                  graphene_point_t    *a,
                                                  graphene_point_t    *b);
/* Where the light of @link's end @end (0 or 1) sits; FALSE when the
 * cable is too short to draw. */
gboolean         _cord_canvas_light_position     (CordCanvas          *self,
                                                  CordLink            *link,
                                                  guint                end,
                                                  graphene_point_t    *point);
char            *_cord_canvas_tooltip_markup     (CordCanvas          *self,
                                                  CanvasHit            hit);

/* cord-canvas-input.c: tests drive the canvas through these the way the
 * gestures do, in widget coordinates. */
void             _cord_canvas_test_click         (CordCanvas          *self,
                                                  double               x,
                                                  double               y,
                                                  int                  n_press,
                                                  GdkModifierType      modifiers);
void             _cord_canvas_test_drag          (CordCanvas          *self,
                                                  double               x0,
                                                  double               y0,
                                                  double               x1,
                                                  double               y1,
                                                  GdkModifierType      modifiers);
/* Drops a palette payload at (@x, @y) as a drag and drop would. */
gboolean         _cord_canvas_test_drop          (CordCanvas          *self,
                                                  const char          *payload,
                                                  double               x,
                                                  double               y);
gboolean         _cord_canvas_test_key           (CordCanvas          *self,
                                                  guint                keyval,
                                                  GdkModifierType      modifiers);
/* Picks @port_name in the open port popover; FALSE if no row matches. */
gboolean         _cord_canvas_test_pick_port     (CordCanvas          *self,
                                                  const char          *port_name);
/* Types @text into the open note editor or rename entry and commits it. */
gboolean         _cord_canvas_test_commit_text   (CordCanvas          *self,
                                                  const char          *text);

G_END_DECLS
