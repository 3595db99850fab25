/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Internals the renderer's files share: its caches, its palette and one paint pass. */
#pragma once

#include "cord-render.h"

G_BEGIN_DECLS

typedef struct {
  double r, g, b;
} RenderRgb;

/* The GNOME palette, so the workspace sits well in Adwaita. */
static const RenderRgb RENDER_ACCENT        = { 0.208, 0.518, 0.894 };  /* blue 3 */
static const RenderRgb RENDER_INK           = { 0.141, 0.122, 0.192 };  /* dark 4 */
static const RenderRgb RENDER_INK_DIM       = { 0.369, 0.361, 0.392 };  /* dark 1 */
static const RenderRgb RENDER_CABLE_COPPER  = { 0.239, 0.220, 0.275 };  /* dark 2 */
static const RenderRgb RENDER_CABLE_FIBER   = { 0.902, 0.380, 0.000 };  /* orange 4 */
static const RenderRgb RENDER_CABLE_SERIAL  = { 0.753, 0.110, 0.157 };  /* red 4 */
static const RenderRgb RENDER_CABLE_CONSOLE = { 0.384, 0.627, 0.918 };  /* blue 2 */
static const RenderRgb RENDER_LIGHT_UP      = { 0.180, 0.761, 0.494 };  /* green 4 */
static const RenderRgb RENDER_LIGHT_WAIT    = { 0.898, 0.647, 0.039 };  /* yellow 5 */
static const RenderRgb RENDER_LIGHT_DOWN    = { 0.878, 0.106, 0.141 };  /* red 3 */
static const RenderRgb RENDER_NOTE_PAPER    = { 1.000, 0.965, 0.745 };
static const RenderRgb RENDER_NOTE_EDGE     = { 0.898, 0.827, 0.537 };

/* Text laid out once per device and reused by every frame. */
typedef struct {
  PangoLayout *name;
  PangoLayout *model;
} RenderLabels;

struct _CordRender
{
  CordTopology            *topology;
  CordSim                 *sim;
  CordRenderForwardingFunc forwarding_func;
  gpointer                 forwarding_data;
  CordRenderState          state;

  PangoContext            *pango;          /* unhinted, so text scales smoothly */
  PangoFontDescription    *font;
  GHashTable              *icons;          /* kind × px → cairo_surface_t* or NULL */
  graphene_rect_t          art[CORD_RENDER_N_KINDS];
  guint                    art_known;      /* bit per kind: art[] measured */
  GHashTable              *labels;         /* CordDevice* → RenderLabels* */
  GHashTable              *note_layouts;   /* CordNote* → PangoLayout* */
  GHashTable              *link_offsets;   /* CordLink* → offset in half steps */
  gboolean                 link_offsets_dirty;
  GPtrArray               *visible;        /* devices, reused by every frame */
  GArray                  *visible_links;  /* RenderCable, reused by every frame */
  GArray                  *visible_lights; /* RenderLightAt, reused by every frame */

  /* The static layer: see cord_render_update_cache. */
  gboolean                 cache_disabled;
  guint                    serial;         /* bumped by every invalidation */
  cairo_surface_t         *cache;
  CordRenderView           cache_view;
  guint                    cache_serial;
  gboolean                 cache_moving;
  guint64                  cache_moving_sig;
  gpointer                 cache_renaming;
  gpointer                 cache_editing;
  GPtrArray               *cache_light_ports; /* CordPort* whose lights it shows */
  GArray                  *cache_lights;      /* CordRenderLight, one per port */
};

/* A cable on screen, with its ends. */
typedef struct {
  CordLink         *link;
  graphene_point_t  a;
  graphene_point_t  b;
} RenderCable;

typedef struct {
  CordRenderLight   light;
  graphene_point_t  at;
  CordPort         *port;
} RenderLightAt;

/* Which items one paint pass draws: everything, the static layer (all
 * but what is being dragged), or only what is being dragged. */
typedef enum {
  RENDER_LAYER_ALL,
  RENDER_LAYER_STATIC,
  RENDER_LAYER_MOVING,
} RenderLayer;

/* One paint pass, shared by the drawing files. */
typedef struct {
  CordRender      *self;
  cairo_t         *cr;
  graphene_rect_t  area;       /* what is visible, model units */
  double           zoom;       /* logical pixels per model unit */
  CordRenderFlags  flags;
  RenderLayer      layer;
  gboolean         decorate;   /* selection and hover are drawn */
  double           icon_px;    /* device pixels an icon covers */
  gboolean         snap_icons; /* blit icons at whole device pixels */
  cairo_surface_t *icons[CORD_RENDER_N_KINDS]; /* NULL: draw the fallback */
} RenderPaint;

/* cord-render.c */
void             _cord_render_set_rgb         (cairo_t               *cr,
                                               const RenderRgb       *c,
                                               double                 alpha);
void             _cord_render_rounded_rect    (cairo_t               *cr,
                                               double                 x,
                                               double                 y,
                                               double                 w,
                                               double                 h,
                                               double                 r);
double           _cord_render_rect_bottom     (const graphene_rect_t *r);
gboolean         _cord_render_selected        (CordRender            *self,
                                               GHashTable            *set,
                                               gconstpointer          item);
RenderLabels    *_cord_render_device_labels   (CordRender            *self,
                                               CordDevice            *device);
void             _cord_render_label_rects     (CordRender            *self,
                                               CordDevice            *device,
                                               graphene_rect_t       *model_rect,
                                               graphene_rect_t       *name_rect);
cairo_surface_t *_cord_render_icon            (CordRender            *self,
                                               CordDeviceKind         kind,
                                               int                    px);
gboolean         _cord_render_device_moving   (CordRender            *self,
                                               CordDevice            *device);
gboolean         _cord_render_link_moving     (CordRender            *self,
                                               CordLink              *link);
gboolean         _cord_render_note_moving     (CordRender            *self,
                                               CordNote              *note);
/* Whether @p draws an item that is (@moving) or is not being dragged. */
gboolean         _cord_render_paints          (const RenderPaint     *p,
                                               gboolean               moving);
void             _cord_render_paint_init      (RenderPaint           *p,
                                               CordRender            *self,
                                               cairo_t               *cr,
                                               const graphene_rect_t *area,
                                               double                 zoom,
                                               double                 pixels_per_unit,
                                               CordRenderFlags        flags,
                                               RenderLayer            layer);
void             _cord_render_paint           (RenderPaint           *p);
void             _cord_render_note_path       (RenderPaint           *p,
                                               CordNote              *note,
                                               graphene_rect_t       *r);

/* cord-render-links.c */
void             _cord_render_update_link_offsets (CordRender        *self);
double           _cord_render_exit_distance   (const graphene_rect_t *art,
                                               double                 ux,
                                               double                 uy);
void             _cord_render_draw_links      (RenderPaint           *p);
/* A halo around one cable, left off the cable and its lights, so it can
 * be laid over a static layer that already shows them. */
void             _cord_render_link_halo_over  (RenderPaint           *p,
                                               CordLink              *link,
                                               gboolean               selected);
CordRenderLight  _cord_render_drawn_light     (RenderPaint           *p,
                                               CordPort              *port);

/* cord-render-devices.c */
void             _cord_render_collect_visible (CordRender            *self,
                                               const graphene_rect_t *area);
void             _cord_render_draw_device_backs (RenderPaint         *p);
void             _cord_render_draw_icons      (RenderPaint           *p);
void             _cord_render_draw_labels     (RenderPaint           *p);
/* A selection or hover back laid over a static layer, left off the icon. */
void             _cord_render_device_back_over (RenderPaint          *p,
                                               CordDevice            *device,
                                               gboolean               selected);
/* The selected name pill laid over a static layer's label. */
void             _cord_render_name_pill_over  (RenderPaint           *p,
                                               CordDevice            *device);

G_END_DECLS
