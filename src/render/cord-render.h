/* SPDX-License-Identifier: GPL-3.0-or-later */
/* CordRender: draws a topology into any cairo context (canvas, PNG, SVG or PDF) with cairo, Pango and librsvg, and no GTK. */
#pragma once

#include <cairo.h>
#include <graphene.h>
#include <pango/pangocairo.h>

#include "sim.h"
#include "topology.h"

G_BEGIN_DECLS

/* Model units: at zoom 1 one unit is one logical pixel. A device's (x, y)
 * is the centre of its icon; a note's is its top-left corner. */
#define CORD_RENDER_ICON        48.0
#define CORD_RENDER_GRID        24.0
#define CORD_RENDER_NOTE_WIDTH  200.0
#define CORD_RENDER_NOTE_PAD    8.0
#define CORD_RENDER_NAME_SIZE   12.0
#define CORD_RENDER_MODEL_SIZE  10.0
#define CORD_RENDER_N_KINDS     (CORD_KIND_SERVER + 1)
/* The margin around a lab pictured whole. */
#define CORD_RENDER_MARGIN      24.0

typedef enum {
  CORD_RENDER_HIT_NONE,
  CORD_RENDER_HIT_DEVICE,
  CORD_RENDER_HIT_DEVICE_NAME,  /* the name label under a device */
  CORD_RENDER_HIT_LINK,
  CORD_RENDER_HIT_NOTE,
} CordRenderHitKind;

typedef struct {
  CordRenderHitKind kind;
  gpointer          item;       /* CordDevice*, CordLink* or CordNote* */
} CordRenderHit;

/* The colour of a link light, the dot near each end of a cable. */
typedef enum {
  CORD_RENDER_LIGHT_NONE,       /* no light: no cable, or a console cable */
  CORD_RENDER_LIGHT_DOWN,       /* red: no line (wrong cable, shut, off) */
  CORD_RENDER_LIGHT_WAITING,    /* amber: line up, port not forwarding yet */
  CORD_RENDER_LIGHT_UP,         /* green */
} CordRenderLight;

/* Whether a port whose line is up forwards frames; FALSE turns its light amber. */
typedef gboolean (*CordRenderForwardingFunc) (CordPort *port,
                                              gpointer  user_data);

/* What an editor shows on top of the lab. Every field may be empty; the
 * renderer borrows the sets and items until the next set_state. */
typedef struct {
  GHashTable    *sel_devices;   /* CordDevice* sets, or NULL */
  GHashTable    *sel_links;
  GHashTable    *sel_notes;
  CordRenderHit  hover;
  gboolean       moving;        /* selected devices and notes are drawn moved */
  double         move_dx;
  double         move_dy;
  CordDevice    *renaming;      /* its labels are left out */
  CordNote      *editing_note;  /* its text is left out */
} CordRenderState;

typedef enum {
  CORD_RENDER_EXPORT = 1 << 0,  /* no selection, hover or level of detail */
} CordRenderFlags;

typedef struct _CordRender CordRender;

CordRender     *cord_render_new                (void);
void            cord_render_free               (CordRender            *self);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CordRender, cord_render_free)

/* Shows @topology (referenced) with lights from @sim (borrowed, may be NULL). */
void            cord_render_set_lab            (CordRender            *self,
                                                CordTopology          *topology,
                                                CordSim               *sim);
/* The base font of labels and notes; NULL means "Sans". */
void            cord_render_set_font           (CordRender            *self,
                                                const PangoFontDescription *font);
void            cord_render_set_state          (CordRender            *self,
                                                const CordRenderState *state);
void            cord_render_set_forwarding_func (CordRender           *self,
                                                CordRenderForwardingFunc func,
                                                gpointer               user_data);

/* Cache upkeep, called as the topology changes. */
void            cord_render_clear              (CordRender            *self);
void            cord_render_forget_device      (CordRender            *self,
                                                CordDevice            *device);
void            cord_render_forget_note        (CordRender            *self,
                                                CordNote              *note);
void            cord_render_forget_link        (CordRender            *self,
                                                CordLink              *link);
void            cord_render_links_changed      (CordRender            *self);

/* Drawing. @cr is in model units; @area is what is visible, in model
 * units; @zoom is logical pixels per unit (line widths and level of
 * detail) and @pixels_per_unit the device pixels per unit icons are
 * rasterised for. */
void            cord_render_draw               (CordRender            *self,
                                                cairo_t               *cr,
                                                const graphene_rect_t *area,
                                                double                 zoom,
                                                double                 pixels_per_unit,
                                                CordRenderFlags        flags);
/* What a window shows: its size in logical pixels, the device pixels per
 * logical pixel, and the model point at its top-left corner. */
typedef struct {
  int     width;
  int     height;
  int     scale;
  double  zoom;
  double  origin_x;
  double  origin_y;
} CordRenderView;

/* The static layer (grid, notes, cables, lights, devices, labels) is drawn
 * once into an image surface and reused by every frame until the lab, its
 * lights, the view, the font, or what is being dragged changes. Call
 * cord_render_invalidate whenever the lab changes; lights are checked on
 * every frame. */
void            cord_render_invalidate         (CordRender            *self);
/* Brings the static layer up to date for @view; TRUE if it was redrawn. */
gboolean        cord_render_update_cache       (CordRender            *self,
                                                const CordRenderView  *view);
/* One frame in widget coordinates: the static layer, then selection, hover
 * and the dragged items on top. Overlays drawn afterwards (band, connect
 * preview, drop marker) need @cr scaled by zoom and translated by -origin. */
void            cord_render_frame              (CordRender            *self,
                                                cairo_t               *cr,
                                                const CordRenderView  *view);
/* FALSE makes cord_render_frame draw everything directly, for comparison. */
void            cord_render_set_cache_enabled  (CordRender            *self,
                                                gboolean               enabled);

/* A white page with a grid, in widget coordinates. */
void            cord_render_draw_grid          (cairo_t               *cr,
                                                double                 origin_x,
                                                double                 origin_y,
                                                double                 zoom,
                                                double                 width,
                                                double                 height);
void            cord_render_draw_band          (cairo_t               *cr,
                                                const graphene_rect_t *band,
                                                double                 zoom);
void            cord_render_draw_connect_preview (CordRender          *self,
                                                cairo_t               *cr,
                                                CordDevice            *from,
                                                double                 px,
                                                double                 py,
                                                double                 zoom);
void            cord_render_draw_drop_marker   (CordRender            *self,
                                                cairo_t               *cr,
                                                CordDeviceKind         kind,
                                                double                 x,
                                                double                 y,
                                                double                 zoom);

/* The whole lab: its bounds with a margin (a small empty page when the
 * lab is empty), and the lab at scale 1 on a white page with the
 * extents' top-left corner at @cr's origin. */
void            cord_render_get_lab_extents    (CordRender            *self,
                                                graphene_rect_t       *extents);
void            cord_render_lab                (CordRender            *self,
                                                cairo_t               *cr);
/* Pictures the lab in @path, a .png, .svg or .pdf file. */
gboolean        cord_render_lab_to_file        (CordRender            *self,
                                                const char            *path,
                                                GError               **error);

/* Geometry and hit testing, in model units. */
CordRenderLight cord_render_port_light         (CordRender            *self,
                                                CordPort              *port);
CordRenderHit   cord_render_hit_test           (CordRender            *self,
                                                double                 mx,
                                                double                 my,
                                                double                 zoom);
void            cord_render_device_position    (CordRender            *self,
                                                CordDevice            *device,
                                                double                *x,
                                                double                *y);
void            cord_render_device_bounds      (CordRender            *self,
                                                CordDevice            *device,
                                                graphene_rect_t       *bounds);
/* The part of the icon that is drawn: what a rubber band must touch. */
void            cord_render_icon_bounds        (CordRender            *self,
                                                CordDevice            *device,
                                                graphene_rect_t       *bounds);
void            cord_render_name_bounds        (CordRender            *self,
                                                CordDevice            *device,
                                                graphene_rect_t       *bounds);
void            cord_render_note_bounds        (CordRender            *self,
                                                CordNote              *note,
                                                graphene_rect_t       *bounds);
/* The opaque part of a kind's icon, around its centre. */
const graphene_rect_t *cord_render_art_box     (CordRender            *self,
                                                CordDeviceKind         kind);
gboolean        cord_render_link_ends          (CordRender            *self,
                                                CordLink              *link,
                                                graphene_point_t      *a,
                                                graphene_point_t      *b);
/* Where the light of @link's end @end (0 or 1) sits; FALSE when the
 * cable is too short to draw. */
gboolean        cord_render_light_position     (CordRender            *self,
                                                CordLink              *link,
                                                guint                  end,
                                                graphene_point_t      *point);
const char     *cord_render_icon_name          (CordDeviceKind         kind);

G_END_DECLS
