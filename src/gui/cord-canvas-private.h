/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Internals CordCanvas shares between its behaviour (cord-canvas.c), its input (cord-canvas-input.c), its in-place editors (cord-canvas-editors.c) and its drawing (cord-canvas-draw*.c), and hooks for its tests. */
#pragma once

#include "cord-canvas.h"

G_BEGIN_DECLS

/* Model units: at zoom 1 one unit is one logical pixel. A device's (x, y)
 * is the centre of its icon; a note's is its top-left corner. */
#define CANVAS_ICON        48.0
#define CANVAS_GRID        24.0
#define CANVAS_ZOOM_MIN    0.25
#define CANVAS_ZOOM_MAX    4.0
#define CANVAS_NOTE_WIDTH  200.0
#define CANVAS_NOTE_PAD    8.0
#define CANVAS_N_KINDS     (CORD_KIND_SERVER + 1)
#define CANVAS_NAME_SIZE   12.0
#define CANVAS_MODEL_SIZE  10.0

typedef enum {
  CANVAS_DRAG_NONE,
  CANVAS_DRAG_MOVE,       /* the selection follows the pointer */
  CANVAS_DRAG_RUBBER,     /* a rubber band selects what it touches */
  CANVAS_DRAG_PAN,        /* the view follows the pointer */
} CanvasDragMode;

typedef enum {
  CANVAS_HIT_NONE,
  CANVAS_HIT_DEVICE,
  CANVAS_HIT_DEVICE_NAME, /* the name label under a device */
  CANVAS_HIT_LINK,
  CANVAS_HIT_NOTE,
} CanvasHitKind;

typedef struct {
  CanvasHitKind kind;
  gpointer      item;     /* CordDevice*, CordLink* or CordNote* */
} CanvasHit;

/* Text laid out once per device and reused by every frame. */
typedef struct {
  PangoLayout *name;
  PangoLayout *model;
} CanvasLabels;

/* One rasterised device icon; both are NULL when the resource is missing. */
typedef struct {
  GdkTexture      *texture;
  cairo_surface_t *surface;
} CanvasIcon;

/* What a paint pass may draw beyond the lab itself. */
typedef enum {
  CANVAS_PAINT_EXPORT = 1 << 0,   /* no grid, selection, hover or previews */
} CanvasPaintFlags;

typedef struct {
  double r, g, b;
} CanvasRgb;

/* The GNOME palette, so the workspace sits well in Adwaita. */
static const CanvasRgb CANVAS_ACCENT      = { 0.208, 0.518, 0.894 };  /* blue 3 */
static const CanvasRgb CANVAS_INK         = { 0.141, 0.122, 0.192 };  /* dark 4 */
static const CanvasRgb CANVAS_INK_DIM     = { 0.369, 0.361, 0.392 };  /* dark 1 */
static const CanvasRgb CANVAS_CABLE_COPPER = { 0.239, 0.220, 0.275 }; /* dark 2 */
static const CanvasRgb CANVAS_CABLE_FIBER = { 0.902, 0.380, 0.000 };  /* orange 4 */
static const CanvasRgb CANVAS_CABLE_SERIAL = { 0.753, 0.110, 0.157 }; /* red 4 */
static const CanvasRgb CANVAS_CABLE_CONSOLE = { 0.384, 0.627, 0.918 };/* blue 2 */
static const CanvasRgb CANVAS_LIGHT_UP    = { 0.180, 0.761, 0.494 };  /* green 4 */
static const CanvasRgb CANVAS_LIGHT_WAIT  = { 0.898, 0.647, 0.039 };  /* yellow 5 */
static const CanvasRgb CANVAS_LIGHT_DOWN  = { 0.878, 0.106, 0.141 };  /* red 3 */
static const CanvasRgb CANVAS_NOTE_PAPER  = { 1.000, 0.965, 0.745 };
static const CanvasRgb CANVAS_NOTE_EDGE   = { 0.898, 0.827, 0.537 };

/* One paint pass, shared by the drawing files. */
typedef struct {
  CordCanvas       *self;
  cairo_t          *cr;
  graphene_rect_t   area;        /* what is visible, model units */
  double            zoom;        /* logical pixels per model unit */
  CanvasPaintFlags  flags;
  CanvasIcon       *icons[CANVAS_N_KINDS];
} CanvasPaint;

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

  /* Caches. */
  PangoContext    *pango;          /* unhinted, so text scales smoothly */
  GHashTable      *icons;          /* "name@px" → CanvasIcon* */
  graphene_rect_t  art[CANVAS_N_KINDS]; /* opaque part of each icon */
  guint            art_known;      /* bit per kind: art[] measured */
  GHashTable      *labels;         /* CordDevice* → CanvasLabels* */
  GHashTable      *note_layouts;   /* CordNote* → PangoLayout* */
  GHashTable      *link_offsets;   /* CordLink* → offset in half steps */
  gboolean         link_offsets_dirty;
  GPtrArray       *visible;        /* reused by every frame */
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

/* cord-canvas-draw.c */
void             _cord_canvas_draw_init          (CordCanvas          *self);
void             _cord_canvas_draw_clear         (CordCanvas          *self);
void             _cord_canvas_forget_device      (CordCanvas          *self,
                                                  CordDevice          *device);
void             _cord_canvas_forget_note        (CordCanvas          *self,
                                                  CordNote            *note);
void             _cord_canvas_snapshot           (CordCanvas          *self,
                                                  GtkSnapshot         *snapshot);
void             _cord_canvas_paint              (CordCanvas          *self,
                                                  cairo_t             *cr,
                                                  const graphene_rect_t *area,
                                                  CanvasPaintFlags     flags);
CanvasHit        _cord_canvas_hit_test           (CordCanvas          *self,
                                                  double               mx,
                                                  double               my);
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
char            *_cord_canvas_tooltip_markup     (CordCanvas          *self,
                                                  CanvasHit            hit);
const char      *_cord_canvas_icon_name          (CordDeviceKind       kind);
void             _cord_canvas_set_rgb            (cairo_t             *cr,
                                                  const CanvasRgb     *c,
                                                  double               alpha);
void             _cord_canvas_rounded_rect       (cairo_t             *cr,
                                                  double               x,
                                                  double               y,
                                                  double               w,
                                                  double               h,
                                                  double               r);
double           _cord_canvas_rect_bottom        (const graphene_rect_t *r);
const graphene_rect_t *_cord_canvas_art_box      (CordCanvas          *self,
                                                  CordDeviceKind       kind);
CanvasLabels    *_cord_canvas_device_labels      (CordCanvas          *self,
                                                  CordDevice          *device);
void             _cord_canvas_label_rects        (CordCanvas          *self,
                                                  CordDevice          *device,
                                                  graphene_rect_t     *model_rect,
                                                  graphene_rect_t     *name_rect);

/* cord-canvas-draw-links.c */
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
void             _cord_canvas_update_link_offsets (CordCanvas         *self);
double           _cord_canvas_exit_distance      (const graphene_rect_t *art,
                                                  double               ux,
                                                  double               uy);
void             _cord_canvas_draw_links         (CanvasPaint         *p);

/* cord-canvas-draw-devices.c */
void             _cord_canvas_collect_visible    (CordCanvas          *self,
                                                  const graphene_rect_t *area);
void             _cord_canvas_draw_device_backs  (CanvasPaint         *p);
void             _cord_canvas_draw_icons_cairo   (CanvasPaint         *p,
                                                  gboolean             fallbacks_only);
void             _cord_canvas_draw_labels        (CanvasPaint         *p);

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
