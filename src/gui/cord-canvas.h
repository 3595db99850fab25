/* SPDX-License-Identifier: GPL-3.0-or-later */
/* CordCanvas: the logical workspace, a cairo-drawn view of a topology that the user edits by hand. */
#pragma once

#include <gtk/gtk.h>

#include "sim.h"
#include "topology.h"

G_BEGIN_DECLS

/* What a click on empty canvas does. */
typedef enum {
  CORD_CANVAS_TOOL_SELECT,    /* select, move, rubber-band */
  CORD_CANVAS_TOOL_PLACE,     /* place the chosen model where clicked */
  CORD_CANVAS_TOOL_CONNECT,   /* pick a port on one device, then on another */
  CORD_CANVAS_TOOL_NOTE,      /* place a text note */
} CordCanvasTool;

/* The mime-free drag payload of a palette model: a string "model:NAME". */
#define CORD_CANVAS_DRAG_PREFIX "model:"

/* The colour of a link light, the dot near each end of a cable. */
typedef enum {
  CORD_CANVAS_LIGHT_NONE,     /* no light: no cable, or a console cable */
  CORD_CANVAS_LIGHT_DOWN,     /* red: no line (wrong cable, shut, off) */
  CORD_CANVAS_LIGHT_WAITING,  /* amber: line up, port not forwarding yet */
  CORD_CANVAS_LIGHT_UP,       /* green */
} CordCanvasLight;

/* Whether a port whose line is up forwards frames; FALSE turns its light
 * amber (STP listening, learning or blocking). */
typedef gboolean (*CordCanvasForwardingFunc) (CordPort *port,
                                              gpointer  user_data);

#define CORD_TYPE_CANVAS_TOOL (cord_canvas_tool_get_type ())
GType cord_canvas_tool_get_type (void);

/* Signals:
 *   device-activated (CordCanvas *, CordDevice *device, gpointer)
 *       a device was double-clicked (or Enter pressed on it)
 *   selection-changed (CordCanvas *, gpointer)
 *   error (CordCanvas *, const char *message, gpointer)
 *       an edit the user asked for failed; show @message
 *   tool-changed (CordCanvas *, gpointer)
 * Properties (all G_PARAM_EXPLICIT_NOTIFY): "zoom" (double, 0.25 to 4),
 * "tool" (CordCanvasTool), "has-selection" (boolean, read-only).
 * Actions: canvas.zoom-in, canvas.zoom-out, canvas.zoom-fit,
 * canvas.select-all, canvas.delete, canvas.rename. */
#define CORD_TYPE_CANVAS (cord_canvas_get_type ())
G_DECLARE_FINAL_TYPE (CordCanvas, cord_canvas, CORD, CANVAS, GtkWidget)

GtkWidget    *cord_canvas_new              (void);
/* Shows @topology, with link lights from @sim (which may be NULL). The
 * canvas keeps a reference to @topology but borrows @sim: call
 * cord_canvas_set_lab (canvas, NULL, NULL) or set another lab before
 * freeing it. */
void          cord_canvas_set_lab          (CordCanvas     *self,
                                            CordTopology   *topology,
                                            CordSim        *sim);
CordTopology *cord_canvas_get_topology     (CordCanvas     *self);

/* @model is the model PLACE puts down; @cable the cable CONNECT lays
 * (CORD_CABLE_AUTO picks one the way Packet Tracer does). */
void          cord_canvas_set_tool         (CordCanvas     *self,
                                            CordCanvasTool  tool,
                                            const char     *model,
                                            CordCable       cable);
CordCanvasTool cord_canvas_get_tool        (CordCanvas     *self);

void          cord_canvas_zoom_in          (CordCanvas     *self);
void          cord_canvas_zoom_out         (CordCanvas     *self);
void          cord_canvas_zoom_fit         (CordCanvas     *self);
double        cord_canvas_get_zoom         (CordCanvas     *self);
/* Zooms about the centre of the view; clamped to 0.25–4. */
void          cord_canvas_set_zoom         (CordCanvas     *self,
                                            double          zoom);

void          cord_canvas_select_all       (CordCanvas     *self);
gboolean      cord_canvas_has_selection    (CordCanvas     *self);
void          cord_canvas_unselect_all     (CordCanvas     *self);
/* Selects only @device and scrolls it into view. */
void          cord_canvas_select_device    (CordCanvas     *self,
                                            CordDevice     *device);
/* The selected devices, in topology order; free with g_ptr_array_unref. */
GPtrArray    *cord_canvas_get_selected_devices (CordCanvas *self);
/* Deletes the selected devices (with their cables), cables and notes as
 * one undo step. */
gboolean      cord_canvas_delete_selection (CordCanvas     *self,
                                            GError        **error);

/* Link lights. The sim reports line changes through one port hook,
 * which the window owns: it forwards each change here. */
void          cord_canvas_port_changed     (CordCanvas     *self,
                                            CordPort       *port);
CordCanvasLight cord_canvas_get_port_light (CordCanvas     *self,
                                            CordPort       *port);
void          cord_canvas_set_forwarding_func (CordCanvas  *self,
                                            CordCanvasForwardingFunc func,
                                            gpointer        user_data,
                                            GDestroyNotify  destroy);

/* Drag and drop from the palette: the payload for @model (free it), and
 * the model a payload names (pointing into @payload), or NULL. */
char         *cord_canvas_drag_payload_new (const char     *model);
const char   *cord_canvas_drag_payload_model (const char   *payload);

/* Export. @extents receives the lab's bounds in model units (points at
 * scale 1), with a margin; an empty lab gives a small empty page.
 * cord_canvas_render draws the lab at scale 1 on a white page, without
 * grid or selection, with the extents' top-left corner at @cr's origin,
 * so a surface of extents->size holds all of it. */
void          cord_canvas_get_lab_extents  (CordCanvas     *self,
                                            graphene_rect_t *extents);
void          cord_canvas_render           (CordCanvas     *self,
                                            cairo_t        *cr);

G_END_DECLS
