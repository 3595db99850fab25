/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Tests for CordCanvas: link lights by pixel, tools, selection, undo, zoom, drag and drop, tooltips, a big lab and a screenshot. */
#include <check.h>
#include <gtk/gtk.h>
#include <math.h>
#include <string.h>

#include "cord-canvas-private.h"
#include "engine.h"
#include "gtk-test-util.h"
#include "sim.h"
#include "topology.h"

/* ---------------------------------------------------------------------- */
/* Fixture: a presented window holding one canvas                          */
/* ---------------------------------------------------------------------- */

static GtkWidget *window;
static CordCanvas *canvas;
static CordTopology *topology;
static CordEngine *engine;
static CordSim *sim;

static void
setup (void)
{
  topology = cord_topology_new (cord_catalog_get_default ());
  engine = cord_engine_new ();
  sim = cord_sim_new (topology, engine);
  window = gtk_window_new ();
  gtk_window_set_title (GTK_WINDOW (window), "Patchcord canvas test");
  gtk_window_set_default_size (GTK_WINDOW (window), 900, 640);
  canvas = CORD_CANVAS (cord_canvas_new ());
  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (canvas));
  cord_canvas_set_lab (canvas, topology, sim);
  gtk_window_present (GTK_WINDOW (window));
  cord_test_settle (GTK_WIDGET (canvas));
}

static void count_signal (guint *count);
static void record_error (CordCanvas *c, const char *message, char **out);
static void record_device (CordCanvas *c, CordDevice *device, CordDevice **out);

static void
teardown (void)
{
  /* Tests count signals into their own locals, gone by now. */
  g_signal_handlers_disconnect_matched (canvas, G_SIGNAL_MATCH_FUNC, 0, 0, NULL, count_signal, NULL);
  g_signal_handlers_disconnect_matched (canvas, G_SIGNAL_MATCH_FUNC, 0, 0, NULL, record_error, NULL);
  g_signal_handlers_disconnect_matched (canvas, G_SIGNAL_MATCH_FUNC, 0, 0, NULL, record_device, NULL);
  cord_canvas_set_lab (canvas, NULL, NULL);
  gtk_window_destroy (GTK_WINDOW (window));
  cord_test_iterate ();
  window = NULL;
  canvas = NULL;
  g_clear_pointer (&sim, cord_sim_free);
  g_clear_pointer (&engine, cord_engine_free);
  g_clear_object (&topology);
}

/* ---------------------------------------------------------------------- */
/* Helpers                                                                 */
/* ---------------------------------------------------------------------- */

static CordDevice *
add (const char *model,
     const char *name,
     double      x,
     double      y)
{
  g_autoptr(GError) error = NULL;
  CordDevice *device = cord_topology_add_device (topology, model, name, x, y, &error);

  ck_assert_msg (device != NULL, "adding %s failed: %s", model, error ? error->message : "?");
  return device;
}

static CordLink *
cable (CordDevice *a,
      const char *pa,
      CordDevice *b,
      const char *pb,
      CordCable   cable)
{
  g_autoptr(GError) error = NULL;
  CordLink *l = cord_topology_connect (topology, cord_device_find_port (a, pa),
                                       cord_device_find_port (b, pb), cable, &error);

  ck_assert_msg (l != NULL, "connecting %s %s to %s %s failed: %s", a->name, pa, b->name, pb,
                 error ? error->message : "?");
  return l;
}

static void
device_point (CordDevice *device,
              double     *wx,
              double     *wy)
{
  _cord_canvas_model_to_widget (canvas, device->x, device->y, wx, wy);
}

static void
click_device (CordDevice      *device,
              int              n_press,
              GdkModifierType  modifiers)
{
  double x, y;

  device_point (device, &x, &y);
  _cord_canvas_test_click (canvas, x, y, n_press, modifiers);
}

/* Renders the lab for export and returns the image; @origin receives the
 * model point at pixel (0, 0). */
static cairo_surface_t *
render_lab (graphene_point_t *origin)
{
  graphene_rect_t extents;
  cairo_surface_t *surface;
  cairo_t *cr;

  cord_canvas_get_lab_extents (canvas, &extents);
  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, (int) extents.size.width,
                                        (int) extents.size.height);
  cr = cairo_create (surface);
  cord_canvas_render (canvas, cr);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  if (origin != NULL)
    *origin = extents.origin;
  return surface;
}

typedef struct {
  int r, g, b;
} Pixel;

static Pixel
pixel_at (cairo_surface_t *surface,
          double           x,
          double           y)
{
  int px = (int) floor (x), py = (int) floor (y);
  const guint8 *data = cairo_image_surface_get_data (surface);
  guint32 v;

  ck_assert_int_ge (px, 0);
  ck_assert_int_ge (py, 0);
  ck_assert_int_lt (px, cairo_image_surface_get_width (surface));
  ck_assert_int_lt (py, cairo_image_surface_get_height (surface));
  v = *(const guint32 *) (data + py * cairo_image_surface_get_stride (surface) + px * 4);
  return (Pixel) { (v >> 16) & 0xff, (v >> 8) & 0xff, v & 0xff };
}

typedef enum { GREEN, RED, AMBER } Colour;

static void
assert_light (CordLink *l,
              guint     end,
              Colour    colour)
{
  graphene_point_t origin, at;
  cairo_surface_t *surface = render_lab (&origin);
  Pixel p;

  ck_assert (_cord_canvas_light_position (canvas, l, end, &at));
  p = pixel_at (surface, at.x - origin.x, at.y - origin.y);
  cairo_surface_destroy (surface);
  switch (colour)
    {
    case GREEN:
      ck_assert_msg (p.g > 150 && p.r < 120, "%s end %u: want green, got %d,%d,%d",
                     l->ends[end]->name, end, p.r, p.g, p.b);
      break;
    case RED:
      ck_assert_msg (p.r > 180 && p.g < 90 && p.b < 90, "%s end %u: want red, got %d,%d,%d",
                     l->ends[end]->name, end, p.r, p.g, p.b);
      break;
    case AMBER:
      ck_assert_msg (p.r > 180 && p.g > 120 && p.b < 80, "%s end %u: want amber, got %d,%d,%d",
                     l->ends[end]->name, end, p.r, p.g, p.b);
      break;
    default:
      g_assert_not_reached ();
    }
}

/* Connected swapped: the counter comes first. */
static void
count_signal (guint *count)
{
  (*count)++;
}

static void
count_destroy (gpointer data)
{
  (*(guint *) data)++;
}

static void
record_error (CordCanvas *c,
              const char *message,
              char      **out)
{
  g_free (*out);
  *out = g_strdup (message);
}

static void
record_device (CordCanvas  *c,
               CordDevice  *device,
               CordDevice **out)
{
  *out = device;
}

/* ---------------------------------------------------------------------- */
/* Link lights                                                             */
/* ---------------------------------------------------------------------- */

START_TEST (test_lights_up_and_wrong_cable)
{
  CordDevice *pc0 = add ("PC-PT", "PC0", 100, 100);
  CordDevice *pc1 = add ("PC-PT", "PC1", 400, 100);
  CordDevice *pc2 = add ("PC-PT", "PC2", 100, 300);
  CordDevice *pc3 = add ("PC-PT", "PC3", 400, 300);
  CordLink *good = cable (pc0, "FastEthernet0", pc1, "FastEthernet0", CORD_CABLE_CROSS);
  CordLink *wrong = cable (pc2, "FastEthernet0", pc3, "FastEthernet0", CORD_CABLE_STRAIGHT);

  ck_assert_int_eq (wrong->state, CORD_LINK_WRONG_CABLE);
  ck_assert_int_eq (cord_canvas_get_port_light (canvas, good->ends[0]), CORD_CANVAS_LIGHT_UP);
  ck_assert_int_eq (cord_canvas_get_port_light (canvas, wrong->ends[0]), CORD_CANVAS_LIGHT_DOWN);
  assert_light (good, 0, GREEN);
  assert_light (good, 1, GREEN);
  assert_light (wrong, 0, RED);
  assert_light (wrong, 1, RED);
}
END_TEST

START_TEST (test_lights_power_off)
{
  g_autoptr(GError) error = NULL;
  CordDevice *sw = add ("2960-24TT", NULL, 250, 100);
  CordDevice *pc = add ("PC-PT", NULL, 250, 300);
  CordLink *l = cable (sw, "FastEthernet0/1", pc, "FastEthernet0", CORD_CABLE_STRAIGHT);

  assert_light (l, 0, GREEN);
  assert_light (l, 1, GREEN);
  ck_assert (cord_topology_set_power (topology, pc, FALSE, &error));
  cord_canvas_port_changed (canvas, l->ends[1]);
  assert_light (l, 0, RED);
  assert_light (l, 1, RED);
  ck_assert (cord_topology_set_power (topology, pc, TRUE, &error));
  assert_light (l, 1, GREEN);
}
END_TEST

/* The canvas as it paints itself, static layer cache and all. */
static cairo_surface_t *
snapshot_canvas (void)
{
  int w = gtk_widget_get_width (GTK_WIDGET (canvas));
  int h = gtk_widget_get_height (GTK_WIDGET (canvas));
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, w, h);
  GskRenderNode *node;
  cairo_t *cr = cairo_create (surface);

  GTK_WIDGET_GET_CLASS (canvas)->snapshot (GTK_WIDGET (canvas), snapshot);
  node = gtk_snapshot_free_to_node (snapshot);
  ck_assert_ptr_nonnull (node);
  gsk_render_node_draw (node, cr);
  gsk_render_node_unref (node);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  return surface;
}

static Pixel
canvas_pixel_at_model (double mx,
                       double my)
{
  cairo_surface_t *surface = snapshot_canvas ();
  double wx, wy;
  Pixel p;

  _cord_canvas_model_to_widget (canvas, mx, my, &wx, &wy);
  p = pixel_at (surface, wx, wy);
  cairo_surface_destroy (surface);
  return p;
}

START_TEST (test_cache_invalidation)
{
  g_autoptr(GError) error = NULL;
  CordDevice *sw = add ("2960-24TT", NULL, 250, 100);
  CordDevice *pc = add ("PC-PT", NULL, 250, 300);
  CordLink *l = cable (sw, "FastEthernet0/1", pc, "FastEthernet0", CORD_CABLE_STRAIGHT);
  graphene_point_t at;
  Pixel p;

  ck_assert (_cord_canvas_light_position (canvas, l, 1, &at));
  p = canvas_pixel_at_model (at.x, at.y);
  ck_assert_msg (p.g > 150 && p.r < 120, "want green, got %d,%d,%d", p.r, p.g, p.b);
  /* A second frame comes from the cache and shows the same. */
  p = canvas_pixel_at_model (at.x, at.y);
  ck_assert_msg (p.g > 150 && p.r < 120, "want green again, got %d,%d,%d", p.r, p.g, p.b);

  /* Powering off changes the light in the very next frame. */
  ck_assert (cord_topology_set_power (topology, pc, FALSE, &error));
  p = canvas_pixel_at_model (at.x, at.y);
  ck_assert_msg (p.r > 180 && p.g < 90 && p.b < 90, "want red, got %d,%d,%d", p.r, p.g, p.b);

  /* So does moving a device: its old place turns to blank page. */
  p = canvas_pixel_at_model (pc->x, pc->y);
  ck_assert_msg (p.r < 230 || p.g < 230 || p.b < 230, "want the PC's icon, got %d,%d,%d",
                 p.r, p.g, p.b);
  ck_assert (cord_topology_move_device (topology, pc, 500, 300, &error));
  p = canvas_pixel_at_model (250, 300);
  ck_assert_msg (p.r > 240 && p.g > 240 && p.b > 240, "want blank page, got %d,%d,%d",
                 p.r, p.g, p.b);
  p = canvas_pixel_at_model (pc->x, pc->y);
  ck_assert_msg (p.r < 230 || p.g < 230 || p.b < 230, "want the moved PC, got %d,%d,%d",
                 p.r, p.g, p.b);
}
END_TEST

START_TEST (test_lights_shutdown_and_console)
{
  g_autoptr(GError) error = NULL;
  CordDevice *r = add ("1841", "R1", 100, 100);
  CordDevice *sw = add ("2960-24TT", "S1", 400, 100);
  CordDevice *pc = add ("PC-PT", "PC0", 100, 300);
  CordLink *l = cable (r, "FastEthernet0/0", sw, "FastEthernet0/1", CORD_CABLE_STRAIGHT);
  CordLink *console = cable (pc, "RS 232", r, "Console", CORD_CABLE_CONSOLE);

  /* Router interfaces start shut down: no line at either end. */
  assert_light (l, 0, RED);
  assert_light (l, 1, RED);
  ck_assert (cord_sim_port_set_shutdown (sim, l->ends[0], FALSE, &error));
  cord_canvas_port_changed (canvas, l->ends[0]);
  assert_light (l, 0, GREEN);
  assert_light (l, 1, GREEN);
  ck_assert_int_eq (cord_canvas_get_port_light (canvas, console->ends[0]), CORD_CANVAS_LIGHT_NONE);
  ck_assert_int_eq (cord_canvas_get_port_light (canvas, cord_device_find_port (pc, "FastEthernet0")),
                    CORD_CANVAS_LIGHT_NONE);
}
END_TEST

static gboolean
not_forwarding (CordPort *port,
                gpointer  data)
{
  return port != data;
}

START_TEST (test_lights_waiting_hook)
{
  CordDevice *a = add ("2960-24TT", NULL, 100, 100);
  CordDevice *b = add ("2960-24TT", NULL, 400, 100);
  CordLink *l = cable (a, "FastEthernet0/1", b, "FastEthernet0/1", CORD_CABLE_CROSS);
  guint destroyed = 0;

  cord_canvas_set_forwarding_func (canvas, not_forwarding, l->ends[1], NULL);
  assert_light (l, 0, GREEN);
  assert_light (l, 1, AMBER);
  ck_assert_int_eq (cord_canvas_get_port_light (canvas, l->ends[1]), CORD_CANVAS_LIGHT_WAITING);
  cord_canvas_set_forwarding_func (canvas, NULL, &destroyed, count_destroy);
  cord_canvas_set_forwarding_func (canvas, NULL, NULL, NULL);
  ck_assert_uint_eq (destroyed, 1);
  assert_light (l, 1, GREEN);
}
END_TEST

/* ---------------------------------------------------------------------- */
/* Tools                                                                   */
/* ---------------------------------------------------------------------- */

START_TEST (test_place_tool)
{
  guint tool_changes = 0;
  double x, y;
  CordDevice *device;

  g_signal_connect_swapped (canvas, "tool-changed", G_CALLBACK (count_signal), &tool_changes);
  cord_canvas_set_tool (canvas, CORD_CANVAS_TOOL_PLACE, "2960-24TT", CORD_CABLE_AUTO);
  ck_assert_int_eq (cord_canvas_get_tool (canvas), CORD_CANVAS_TOOL_PLACE);
  ck_assert_uint_eq (tool_changes, 1);

  _cord_canvas_test_click (canvas, 200, 150, 1, 0);
  ck_assert_uint_eq (cord_topology_get_n_devices (topology), 1);
  device = cord_topology_get_device (topology, 0);
  ck_assert_str_eq (device->name, "Switch0");
  ck_assert_str_eq (device->model->name, "2960-24TT");
  device_point (device, &x, &y);
  ck_assert_double_eq_tol (x, 200, 1.0);
  ck_assert_double_eq_tol (y, 150, 1.0);
  ck_assert_int_eq (cord_canvas_get_tool (canvas), CORD_CANVAS_TOOL_SELECT);
  ck_assert_uint_eq (tool_changes, 2);
  ck_assert (cord_canvas_has_selection (canvas));

  /* Ctrl keeps the tool for the next device. */
  cord_canvas_set_tool (canvas, CORD_CANVAS_TOOL_PLACE, "PC-PT", CORD_CABLE_AUTO);
  _cord_canvas_test_click (canvas, 300, 300, 1, GDK_CONTROL_MASK);
  _cord_canvas_test_click (canvas, 420, 300, 1, GDK_CONTROL_MASK);
  ck_assert_int_eq (cord_canvas_get_tool (canvas), CORD_CANVAS_TOOL_PLACE);
  ck_assert_ptr_nonnull (cord_topology_find_device (topology, "PC0"));
  ck_assert_ptr_nonnull (cord_topology_find_device (topology, "PC1"));

  ck_assert (_cord_canvas_test_key (canvas, GDK_KEY_Escape, 0));
  ck_assert_int_eq (cord_canvas_get_tool (canvas), CORD_CANVAS_TOOL_SELECT);
}
END_TEST

/* The state a row of the open port list shows: "free", "in use, to …",
 * "fiber — this cable is copper"; NULL when no row names @port_name. */
static const char *
port_state (const char *port_name,
            gboolean   *sensitive)
{
  ck_assert (_cord_canvas_popover_open (canvas->port_popover));
  for (GtkWidget *row = gtk_widget_get_first_child (canvas->port_list); row != NULL;
       row = gtk_widget_get_next_sibling (row))
    {
      guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row), "port-index"));
      CordPort *port = canvas->picking_device->ports->pdata[index];
      GtkWidget *box = gtk_list_box_row_get_child (GTK_LIST_BOX_ROW (row));

      if (strcmp (port->name, port_name) == 0)
        {
          *sensitive = gtk_widget_get_sensitive (row);
          return gtk_label_get_text (GTK_LABEL (gtk_widget_get_last_child (box)));
        }
    }
  return NULL;
}

static void
assert_port_state (const char *port_name,
                   gboolean    sensitive,
                   const char *state)
{
  gboolean is_sensitive = !sensitive;
  const char *text = port_state (port_name, &is_sensitive);

  ck_assert_msg (text != NULL, "no row for %s", port_name);
  ck_assert_msg (is_sensitive == sensitive, "%s: sensitive %d, wanted %d (%s)", port_name,
                 is_sensitive, sensitive, text);
  ck_assert_msg (strstr (text, state) != NULL, "%s shows \"%s\", wanted \"%s\"", port_name, text, state);
}

START_TEST (test_connect_tool)
{
  CordDevice *sw = add ("2960-24TT", "S1", 300, 100);
  CordDevice *pc = add ("PC-PT", "PC0", 300, 300);
  CordDevice *pc1 = add ("PC-PT", "PC1", 500, 300);
  CordDevice *r = add ("1941", "R1", 500, 100);
  CordPort *fa0 = cord_device_find_port (pc, "FastEthernet0");
  g_autofree char *message = NULL;

  g_signal_connect (canvas, "error", G_CALLBACK (record_error), &message);
  cord_canvas_set_tool (canvas, CORD_CANVAS_TOOL_CONNECT, NULL, CORD_CABLE_STRAIGHT);
  click_device (pc, 1, 0);
  /* A straight-through cable is copper: the RS 232 port cannot take it. */
  assert_port_state ("RS 232", FALSE, "console — this cable is copper");
  assert_port_state ("FastEthernet0", TRUE, "free");
  ck_assert (!_cord_canvas_test_pick_port (canvas, "RS 232"));
  ck_assert (_cord_canvas_test_pick_port (canvas, "FastEthernet0"));
  ck_assert_ptr_eq (canvas->connect_from, fa0);
  /* The rubber cable follows the pointer until the second end. */
  cord_test_settle (GTK_WIDGET (canvas));
  click_device (sw, 1, 0);
  assert_port_state ("FastEthernet0/5", TRUE, "free");
  ck_assert (!_cord_canvas_test_pick_port (canvas, "NoSuchPort"));
  ck_assert (_cord_canvas_test_pick_port (canvas, "FastEthernet0/5"));
  ck_assert_ptr_nonnull (fa0->link);
  ck_assert_int_eq (fa0->link->cable, CORD_CABLE_STRAIGHT);
  ck_assert_ptr_null (message);
  ck_assert_int_eq (cord_canvas_get_tool (canvas), CORD_CANVAS_TOOL_SELECT);

  /* A taken port is listed, says where it goes and cannot be picked; a
   * fiber cable fits neither copper nor console. */
  cord_canvas_set_tool (canvas, CORD_CANVAS_TOOL_CONNECT, NULL, CORD_CABLE_FIBER);
  click_device (pc, 1, 0);
  assert_port_state ("FastEthernet0", FALSE, "in use, to S1 FastEthernet0/5");
  assert_port_state ("RS 232", FALSE, "console — this cable is fiber");
  ck_assert (!_cord_canvas_test_pick_port (canvas, "FastEthernet0"));
  ck_assert (!_cord_canvas_test_pick_port (canvas, "RS 232"));
  ck_assert_ptr_null (canvas->connect_from);
  gtk_popover_popdown (GTK_POPOVER (canvas->port_popover));

  /* A console cable: the second device's ports that cannot pair with the
   * first end are disabled, and say why. */
  cord_canvas_set_tool (canvas, CORD_CANVAS_TOOL_CONNECT, NULL, CORD_CABLE_CONSOLE);
  click_device (pc, 1, 0);
  ck_assert (_cord_canvas_test_pick_port (canvas, "RS 232"));
  click_device (pc1, 1, 0);
  assert_port_state ("RS 232", FALSE, "does not pair with RS 232");
  assert_port_state ("FastEthernet0", FALSE, "copper — this cable is console");
  gtk_popover_popdown (GTK_POPOVER (canvas->port_popover));
  ck_assert_ptr_nonnull (canvas->connect_from);
  click_device (r, 1, 0);
  assert_port_state ("GigabitEthernet0/0", FALSE, "copper — this cable is console");
  assert_port_state ("Console", TRUE, "free");
  ck_assert (_cord_canvas_test_pick_port (canvas, "Console"));
  ck_assert_ptr_nonnull (cord_device_find_port (r, "Console")->link);
  ck_assert_int_eq (cord_device_find_port (r, "Console")->link->cable, CORD_CABLE_CONSOLE);
  ck_assert_uint_eq (cord_topology_get_n_links (topology), 2);
  ck_assert_ptr_null (message);

  /* Escape drops a half-made cable, then leaves the tool. */
  cord_canvas_set_tool (canvas, CORD_CANVAS_TOOL_CONNECT, NULL, CORD_CABLE_CROSS);
  click_device (pc1, 1, 0);
  ck_assert (_cord_canvas_test_pick_port (canvas, "FastEthernet0"));
  ck_assert_ptr_nonnull (canvas->connect_from);
  ck_assert (_cord_canvas_test_key (canvas, GDK_KEY_Escape, 0));
  ck_assert_ptr_null (canvas->connect_from);
  ck_assert (_cord_canvas_test_key (canvas, GDK_KEY_Escape, 0));
  ck_assert_int_eq (cord_canvas_get_tool (canvas), CORD_CANVAS_TOOL_SELECT);
}
END_TEST

static CordLink *
auto_connect (CordDevice *a,
              CordDevice *b)
{
  guint n = cord_topology_get_n_links (topology);

  cord_canvas_set_tool (canvas, CORD_CANVAS_TOOL_CONNECT, NULL, CORD_CABLE_AUTO);
  click_device (a, 1, 0);
  /* No popup: the ports are chosen once both devices are known. */
  ck_assert (!_cord_canvas_popover_open (canvas->port_popover));
  click_device (b, 1, 0);
  ck_assert (!_cord_canvas_popover_open (canvas->port_popover));
  ck_assert_ptr_null (canvas->connect_from);
  if (cord_topology_get_n_links (topology) == n)
    return NULL;
  ck_assert_uint_eq (cord_topology_get_n_links (topology), n + 1);
  ck_assert_int_eq (cord_canvas_get_tool (canvas), CORD_CANVAS_TOOL_SELECT);
  return cord_topology_get_link (topology, cord_topology_get_n_links (topology) - 1);
}

static void
assert_link (CordLink   *l,
             CordDevice *a,
             const char *pa,
             CordDevice *b,
             const char *pb,
             CordCable   cable)
{
  ck_assert_ptr_nonnull (l);
  ck_assert_ptr_eq (l->ends[0], cord_device_find_port (a, pa));
  ck_assert_ptr_eq (l->ends[1], cord_device_find_port (b, pb));
  ck_assert_int_eq (l->cable, cable);
}

START_TEST (test_connect_automatic)
{
  CordDevice *sw = add ("2960-24TT", "S1", 300, 100);
  CordDevice *pc0 = add ("PC-PT", "PC0", 200, 300);
  CordDevice *pc1 = add ("PC-PT", "PC1", 400, 300);
  CordDevice *pc2 = add ("PC-PT", "PC2", 600, 300);
  CordDevice *r = add ("1941", "R1", 600, 100);
  g_autofree char *message = NULL;

  g_signal_connect (canvas, "error", G_CALLBACK (record_error), &message);
  /* PC to switch: straight-through, the first free ports. */
  assert_link (auto_connect (pc0, sw), pc0, "FastEthernet0", sw, "FastEthernet0/1", CORD_CABLE_STRAIGHT);
  assert_link (auto_connect (sw, pc1), sw, "FastEthernet0/2", pc1, "FastEthernet0", CORD_CABLE_STRAIGHT);
  /* Router to switch: straight; router to PC would be a cross-over. */
  assert_link (auto_connect (r, sw), r, "GigabitEthernet0/0", sw, "FastEthernet0/3", CORD_CABLE_STRAIGHT);
  assert_link (auto_connect (pc2, r), pc2, "FastEthernet0", r, "GigabitEthernet0/1", CORD_CABLE_CROSS);
  ck_assert_ptr_null (message);

  /* PC0's Ethernet is taken and the router has only console ports left:
   * the one pair that fits is RS 232 to Console. */
  assert_link (auto_connect (pc0, r), pc0, "RS 232", r, "Console", CORD_CABLE_CONSOLE);
  ck_assert_ptr_null (message);

  /* Two PCs with only their RS 232 ports free: no pair fits. */
  ck_assert_ptr_null (auto_connect (pc1, pc2));
  ck_assert_ptr_nonnull (message);
  ck_assert_msg (strstr (message, "PC1 and PC2 have no free ports that fit") != NULL, "%s", message);
  g_clear_pointer (&message, g_free);

  /* A device with every port taken says so on the first click. */
  cord_canvas_set_tool (canvas, CORD_CANVAS_TOOL_CONNECT, NULL, CORD_CABLE_AUTO);
  click_device (pc0, 1, 0);
  ck_assert_ptr_null (canvas->connect_from);
  ck_assert_ptr_nonnull (message);
  ck_assert_msg (strstr (message, "Every port of PC0 is taken") != NULL, "%s", message);
  g_clear_pointer (&message, g_free);

  /* Clicking the first device again asks for another; Esc cancels. */
  click_device (sw, 1, 0);
  ck_assert_ptr_nonnull (canvas->connect_from);
  click_device (sw, 1, 0);
  ck_assert_ptr_nonnull (canvas->connect_from);
  ck_assert_ptr_nonnull (message);
  ck_assert (_cord_canvas_test_key (canvas, GDK_KEY_Escape, 0));
  ck_assert_ptr_null (canvas->connect_from);
  ck_assert_int_eq (cord_canvas_get_tool (canvas), CORD_CANVAS_TOOL_CONNECT);
  ck_assert_uint_eq (cord_topology_get_n_links (topology), 5);

  /* One undo step per cable. */
  ck_assert (cord_topology_undo (topology, NULL));
  ck_assert_uint_eq (cord_topology_get_n_links (topology), 4);
}
END_TEST

START_TEST (test_note_tool)
{
  g_autoptr(GError) error = NULL;
  CordNote *note;
  double x, y;

  cord_canvas_set_tool (canvas, CORD_CANVAS_TOOL_NOTE, NULL, CORD_CABLE_AUTO);
  _cord_canvas_test_click (canvas, 120, 80, 1, 0);
  ck_assert_uint_eq (cord_topology_get_n_notes (topology), 0);
  ck_assert (_cord_canvas_test_commit_text (canvas, "Core network\nVLAN 10"));
  ck_assert_uint_eq (cord_topology_get_n_notes (topology), 1);
  note = cord_topology_get_note (topology, 0);
  ck_assert_str_eq (note->text, "Core network\nVLAN 10");
  _cord_canvas_model_to_widget (canvas, note->x, note->y, &x, &y);
  ck_assert_double_eq_tol (x, 120, 1.0);
  ck_assert_int_eq (cord_canvas_get_tool (canvas), CORD_CANVAS_TOOL_SELECT);

  /* Double-click edits it in place; one undo step each. */
  _cord_canvas_test_click (canvas, x + 10, y + 10, 2, 0);
  ck_assert (_cord_canvas_test_commit_text (canvas, "Edited"));
  ck_assert_str_eq (cord_topology_get_note (topology, 0)->text, "Edited");
  ck_assert (cord_topology_undo (topology, &error));
  ck_assert_str_eq (cord_topology_get_note (topology, 0)->text, "Core network\nVLAN 10");
  ck_assert (cord_topology_undo (topology, &error));
  ck_assert_uint_eq (cord_topology_get_n_notes (topology), 0);
}
END_TEST

START_TEST (test_rename_in_place)
{
  CordDevice *a = add ("2960-24TT", "S1", 200, 200);
  CordDevice *b = add ("2960-24TT", "S2", 400, 200);
  g_autofree char *message = NULL;
  CordDevice *activated = NULL;

  g_signal_connect (canvas, "error", G_CALLBACK (record_error), &message);
  g_signal_connect (canvas, "device-activated", G_CALLBACK (record_device), &activated);
  ck_assert (!_cord_canvas_test_key (canvas, GDK_KEY_F2, 0));
  click_device (a, 1, 0);
  ck_assert (_cord_canvas_test_key (canvas, GDK_KEY_F2, 0));
  ck_assert_ptr_eq (canvas->renaming, a);
  cord_test_settle (GTK_WIDGET (canvas));
  ck_assert (gtk_widget_get_mapped (canvas->rename_entry));
  ck_assert (_cord_canvas_test_commit_text (canvas, "Core"));
  ck_assert_str_eq (a->name, "Core");
  ck_assert_ptr_null (canvas->renaming);
  ck_assert_ptr_null (message);

  ck_assert (_cord_canvas_test_key (canvas, GDK_KEY_F2, 0));
  ck_assert (_cord_canvas_test_commit_text (canvas, "S2"));
  ck_assert_str_eq (a->name, "Core");
  ck_assert_ptr_nonnull (message);
  ck_assert_msg (strstr (message, "S2") != NULL, "%s", message);

  /* A click on the selected device's name renames it once the
   * double-click time has passed; a double-click there only opens it. */
  g_object_set (gtk_settings_get_default (), "gtk-double-click-time", 1, NULL);
  {
    graphene_rect_t r;
    double x, y;
    gint64 deadline = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;

    _cord_canvas_name_bounds (canvas, a, &r);
    _cord_canvas_model_to_widget (canvas, r.origin.x + r.size.width / 2,
                                  r.origin.y + r.size.height / 2, &x, &y);
    _cord_canvas_test_click (canvas, x, y, 1, 0);
    while (canvas->renaming == NULL && g_get_monotonic_time () < deadline)
      g_main_context_iteration (NULL, TRUE);
    ck_assert_ptr_eq (canvas->renaming, a);
    ck_assert (_cord_canvas_test_key (canvas, GDK_KEY_Escape, 0) == FALSE);
    ck_assert (_cord_canvas_test_commit_text (canvas, "Core"));
    ck_assert_ptr_null (canvas->renaming);
    ck_assert_str_eq (a->name, "Core");

    _cord_canvas_test_click (canvas, x, y, 1, 0);
    _cord_canvas_test_click (canvas, x, y, 2, 0);
    ck_assert_ptr_eq (activated, a);
    for (int i = 0; i < 20; i++)
      g_main_context_iteration (NULL, FALSE);
    ck_assert_ptr_null (canvas->renaming);
    ck_assert_uint_eq (canvas->rename_timeout, 0);
    activated = NULL;
  }
  g_object_set (gtk_settings_get_default (), "gtk-double-click-time", 400, NULL);

  /* Double-click and Enter open the device. */
  click_device (b, 2, 0);
  ck_assert_ptr_eq (activated, b);
  activated = NULL;
  click_device (a, 1, 0);
  ck_assert (_cord_canvas_test_key (canvas, GDK_KEY_Return, 0));
  ck_assert_ptr_eq (activated, a);
}
END_TEST

/* ---------------------------------------------------------------------- */
/* Selection, moving, deleting                                             */
/* ---------------------------------------------------------------------- */

START_TEST (test_selection)
{
  CordDevice *a = add ("PC-PT", NULL, 100, 100);
  CordDevice *b = add ("PC-PT", NULL, 300, 100);
  CordDevice *c = add ("PC-PT", NULL, 500, 400);
  CordLink *l = cable (a, "FastEthernet0", b, "FastEthernet0", CORD_CABLE_CROSS);
  guint changes = 0, notifies = 0;
  graphene_point_t pa, pb;
  double x0, y0, x1, y1;
  g_autoptr(GPtrArray) selected = NULL;

  g_signal_connect_swapped (canvas, "selection-changed", G_CALLBACK (count_signal), &changes);
  g_signal_connect_swapped (canvas, "notify::has-selection", G_CALLBACK (count_signal), &notifies);
  click_device (a, 1, 0);
  ck_assert (g_hash_table_contains (canvas->sel_devices, a));
  ck_assert_uint_eq (notifies, 1);
  click_device (b, 1, GDK_SHIFT_MASK);
  ck_assert_uint_eq (g_hash_table_size (canvas->sel_devices), 2);
  click_device (a, 1, GDK_SHIFT_MASK);
  ck_assert (!g_hash_table_contains (canvas->sel_devices, a));
  ck_assert (g_hash_table_contains (canvas->sel_devices, b));
  ck_assert_uint_eq (changes, 3);

  /* A click on empty space clears; a click on a cable selects it. */
  _cord_canvas_test_click (canvas, 5, 600, 1, 0);
  ck_assert (!cord_canvas_has_selection (canvas));
  ck_assert_uint_eq (notifies, 2);
  ck_assert (_cord_canvas_link_ends (canvas, l, &pa, &pb));
  _cord_canvas_model_to_widget (canvas, (pa.x + pb.x) / 2, (pa.y + pb.y) / 2, &x0, &y0);
  _cord_canvas_test_click (canvas, x0, y0 + 1, 1, 0);
  ck_assert (g_hash_table_contains (canvas->sel_links, l));

  /* A rubber band around a and b takes both devices, not c. */
  _cord_canvas_model_to_widget (canvas, 40, 40, &x0, &y0);
  _cord_canvas_model_to_widget (canvas, 360, 160, &x1, &y1);
  _cord_canvas_test_drag (canvas, x0, y0, x1, y1, 0);
  ck_assert (g_hash_table_contains (canvas->sel_devices, a));
  ck_assert (g_hash_table_contains (canvas->sel_devices, b));
  ck_assert (!g_hash_table_contains (canvas->sel_devices, c));
  selected = cord_canvas_get_selected_devices (canvas);
  ck_assert_uint_eq (selected->len, 2);
  ck_assert_ptr_eq (selected->pdata[0], a);

  cord_canvas_select_all (canvas);
  ck_assert_uint_eq (g_hash_table_size (canvas->sel_devices), 3);
  ck_assert_uint_eq (g_hash_table_size (canvas->sel_links), 1);
  ck_assert (_cord_canvas_test_key (canvas, GDK_KEY_Escape, 0));
  ck_assert (!cord_canvas_has_selection (canvas));
  ck_assert (_cord_canvas_test_key (canvas, GDK_KEY_a, GDK_CONTROL_MASK));
  ck_assert_uint_eq (g_hash_table_size (canvas->sel_devices), 3);
}
END_TEST

START_TEST (test_drag_moves_as_one_step)
{
  g_autoptr(GError) error = NULL;
  CordDevice *a = add ("PC-PT", NULL, 100, 100);
  CordDevice *b = add ("PC-PT", NULL, 300, 100);
  double x, y, zoom = cord_canvas_get_zoom (canvas);

  click_device (a, 1, 0);
  click_device (b, 1, GDK_SHIFT_MASK);
  device_point (a, &x, &y);
  _cord_canvas_test_drag (canvas, x, y, x + 50, y + 30, 0);
  ck_assert_double_eq_tol (a->x, 100 + round (50 / zoom), 1.0);
  ck_assert_double_eq_tol (a->y, 100 + round (30 / zoom), 1.0);
  ck_assert_double_eq_tol (b->x, 300 + round (50 / zoom), 1.0);
  ck_assert_str_eq (cord_topology_get_undo_label (topology), "Move");
  ck_assert (cord_topology_undo (topology, &error));
  ck_assert_double_eq (a->x, 100);
  ck_assert_double_eq (b->x, 300);
  ck_assert_double_eq (b->y, 100);

  /* A press and release without movement moves nothing. */
  device_point (a, &x, &y);
  _cord_canvas_test_drag (canvas, x, y, x + 1, y + 1, 0);
  ck_assert_double_eq (a->x, 100);

  /* Arrow keys nudge; Shift nudges a grid step. */
  ck_assert (_cord_canvas_test_key (canvas, GDK_KEY_Right, 0));
  ck_assert_double_eq (a->x, 104);
  ck_assert_double_eq (b->x, 304);
  ck_assert (_cord_canvas_test_key (canvas, GDK_KEY_Down, GDK_SHIFT_MASK));
  ck_assert_double_eq (a->y, 100 + CANVAS_GRID);
}
END_TEST

START_TEST (test_delete_and_undo)
{
  g_autoptr(GError) error = NULL;
  CordDevice *sw = add ("2960-24TT", "S1", 300, 100);
  CordDevice *pc0 = add ("PC-PT", "PC0", 200, 300);
  CordDevice *pc1 = add ("PC-PT", "PC1", 400, 300);
  CordLink *l;

  cable (sw, "FastEthernet0/1", pc0, "FastEthernet0", CORD_CABLE_STRAIGHT);
  l = cable (sw, "FastEthernet0/2", pc1, "FastEthernet0", CORD_CABLE_STRAIGHT);
  ck_assert_ptr_nonnull (cord_topology_add_note (topology, 10, 10, "Hello", &error));

  /* Only a cable: the devices stay. */
  cord_canvas_unselect_all (canvas);
  g_hash_table_add (canvas->sel_links, l);
  ck_assert (cord_canvas_delete_selection (canvas, &error));
  ck_assert_uint_eq (cord_topology_get_n_links (topology), 1);
  ck_assert_uint_eq (cord_topology_get_n_devices (topology), 3);
  ck_assert (!cord_canvas_has_selection (canvas));
  ck_assert (cord_topology_undo (topology, &error));
  ck_assert_uint_eq (cord_topology_get_n_links (topology), 2);

  /* Everything, with the Delete key, then one undo brings it all back. */
  cord_canvas_select_all (canvas);
  ck_assert (_cord_canvas_test_key (canvas, GDK_KEY_Delete, 0));
  ck_assert_uint_eq (cord_topology_get_n_devices (topology), 0);
  ck_assert_uint_eq (cord_topology_get_n_links (topology), 0);
  ck_assert_uint_eq (cord_topology_get_n_notes (topology), 0);
  ck_assert (!cord_canvas_has_selection (canvas));
  cord_test_settle (GTK_WIDGET (canvas));
  ck_assert (cord_topology_undo (topology, &error));
  ck_assert_uint_eq (cord_topology_get_n_devices (topology), 3);
  ck_assert_uint_eq (cord_topology_get_n_links (topology), 2);
  ck_assert_uint_eq (cord_topology_get_n_notes (topology), 1);
  ck_assert_ptr_nonnull (cord_device_find_port (cord_topology_find_device (topology, "PC1"),
                                                "FastEthernet0")->link);
  ck_assert (!cord_topology_can_undo (topology) ||
             g_strcmp0 (cord_topology_get_redo_label (topology), "Delete") == 0);
  cord_test_settle (GTK_WIDGET (canvas));

  /* Deleting a device takes its cables; nothing selected is a no-op. */
  cord_canvas_select_device (canvas, cord_topology_find_device (topology, "S1"));
  ck_assert (cord_canvas_delete_selection (canvas, &error));
  ck_assert_uint_eq (cord_topology_get_n_links (topology), 0);
  ck_assert (cord_canvas_delete_selection (canvas, &error));
  ck_assert (!_cord_canvas_test_key (canvas, GDK_KEY_Delete, 0));
}
END_TEST

/* ---------------------------------------------------------------------- */
/* View                                                                    */
/* ---------------------------------------------------------------------- */

START_TEST (test_zoom)
{
  guint notifies = 0;
  double w, h;

  for (int i = 0; i < 5; i++)
    add ("PC-PT", NULL, 100 + i * 400, 80 + i * 300);
  g_signal_connect_swapped (canvas, "notify::zoom", G_CALLBACK (count_signal), &notifies);
  cord_canvas_set_zoom (canvas, 1.0);
  notifies = 0;
  for (int i = 0; i < 20; i++)
    cord_canvas_zoom_in (canvas);
  ck_assert_double_eq (cord_canvas_get_zoom (canvas), CANVAS_ZOOM_MAX);
  ck_assert_uint_gt (notifies, 3);
  for (int i = 0; i < 30; i++)
    cord_canvas_zoom_out (canvas);
  ck_assert_double_eq (cord_canvas_get_zoom (canvas), CANVAS_ZOOM_MIN);
  cord_canvas_set_zoom (canvas, 10);
  ck_assert_double_eq (cord_canvas_get_zoom (canvas), CANVAS_ZOOM_MAX);
  cord_canvas_set_zoom (canvas, 0.01);
  ck_assert_double_eq (cord_canvas_get_zoom (canvas), CANVAS_ZOOM_MIN);

  cord_canvas_zoom_fit (canvas);
  w = gtk_widget_get_width (GTK_WIDGET (canvas));
  h = gtk_widget_get_height (GTK_WIDGET (canvas));
  ck_assert_double_ge (cord_canvas_get_zoom (canvas), CANVAS_ZOOM_MIN);
  ck_assert_double_le (cord_canvas_get_zoom (canvas), CANVAS_ZOOM_MAX);
  for (guint i = 0; i < cord_topology_get_n_devices (topology); i++)
    {
      CordDevice *device = cord_topology_get_device (topology, i);
      graphene_rect_t r;
      double x0, y0, x1, y1;

      _cord_canvas_device_bounds (canvas, device, &r);
      _cord_canvas_model_to_widget (canvas, r.origin.x, r.origin.y, &x0, &y0);
      _cord_canvas_model_to_widget (canvas, r.origin.x + r.size.width,
                                    r.origin.y + r.size.height, &x1, &y1);
      ck_assert_msg (x0 >= 0 && y0 >= 0 && x1 <= w && y1 <= h,
                     "%s at %.0f,%.0f–%.0f,%.0f is outside %.0fx%.0f", device->name,
                     x0, y0, x1, y1, w, h);
    }

  /* Keys and actions reach the same code. */
  cord_canvas_set_zoom (canvas, 1.0);
  ck_assert (_cord_canvas_test_key (canvas, GDK_KEY_plus, GDK_CONTROL_MASK));
  ck_assert_double_gt (cord_canvas_get_zoom (canvas), 1.0);
  ck_assert (gtk_widget_activate_action (GTK_WIDGET (canvas), "canvas.zoom-out", NULL));
  ck_assert_double_eq (cord_canvas_get_zoom (canvas), 1.0);
}
END_TEST

START_TEST (test_space_pan)
{
  CordDevice *a = add ("PC-PT", NULL, 100, 100);
  double x0, y0, x1, y1;

  device_point (a, &x0, &y0);
  ck_assert (_cord_canvas_test_key (canvas, GDK_KEY_space, 0));
  _cord_canvas_test_drag (canvas, x0, y0, x0 + 80, y0 - 30, 0);
  canvas->space_held = FALSE;
  device_point (a, &x1, &y1);
  ck_assert_double_eq (a->x, 100);
  ck_assert_double_eq (a->y, 100);
  ck_assert_double_eq_tol (x1, x0 + 80, 0.01);
  ck_assert_double_eq_tol (y1, y0 - 30, 0.01);
  ck_assert (!cord_topology_can_undo (topology) ||
             g_strcmp0 (cord_topology_get_undo_label (topology), "Move") != 0);
}
END_TEST

START_TEST (test_drag_payload)
{
  g_autofree char *payload = cord_canvas_drag_payload_new ("2960-24TT");

  ck_assert_str_eq (payload, "model:2960-24TT");
  ck_assert_str_eq (cord_canvas_drag_payload_model (payload), "2960-24TT");
  ck_assert_str_eq (cord_canvas_drag_payload_model (CORD_CANVAS_DRAG_PREFIX "PC-PT"), "PC-PT");
  ck_assert_ptr_null (cord_canvas_drag_payload_model ("model:"));
  ck_assert_ptr_null (cord_canvas_drag_payload_model ("PC-PT"));
  ck_assert_ptr_null (cord_canvas_drag_payload_model ("Model:PC-PT"));
  ck_assert_ptr_null (cord_canvas_drag_payload_model (NULL));

  /* A drop places the model where it lands, selected; junk places nothing. */
  ck_assert (_cord_canvas_test_drop (canvas, payload, 250, 180));
  ck_assert_uint_eq (cord_topology_get_n_devices (topology), 1);
  {
    CordDevice *device = cord_topology_get_device (topology, 0);
    double x, y;

    device_point (device, &x, &y);
    ck_assert_str_eq (device->name, "Switch0");
    ck_assert_double_eq_tol (x, 250, 1.0);
    ck_assert_double_eq_tol (y, 180, 1.0);
    ck_assert (g_hash_table_contains (canvas->sel_devices, device));
  }
  ck_assert (!_cord_canvas_test_drop (canvas, "model:No-Such-Model", 100, 100));
  ck_assert (!_cord_canvas_test_drop (canvas, "PC-PT", 100, 100));
  ck_assert_uint_eq (cord_topology_get_n_devices (topology), 1);
}
END_TEST

START_TEST (test_tooltips)
{
  g_autoptr(GError) error = NULL;
  CordDevice *sw = add ("2960-24TT", "S1", 300, 100);
  CordDevice *pc = add ("PC-PT", "PC0", 300, 300);
  CordHostIp ip = { FALSE, 0xc0a8010a, 0xffffff00, 0xc0a80101, 0 };
  CordLink *l = cable (sw, "FastEthernet0/3", pc, "FastEthernet0", CORD_CABLE_STRAIGHT);
  g_autofree char *on_pc = NULL;
  g_autofree char *on_sw = NULL;
  g_autofree char *on_link = NULL;
  g_autofree char *off = NULL;

  ck_assert (cord_topology_set_host_ip (topology, pc, &ip, &error));
  on_pc = _cord_canvas_tooltip_markup (canvas, (CanvasHit) { CANVAS_HIT_DEVICE, pc });
  ck_assert_ptr_nonnull (strstr (on_pc, "<b>PC0</b>"));
  ck_assert_ptr_nonnull (strstr (on_pc, "PC-PT"));
  ck_assert_ptr_nonnull (strstr (on_pc, "FastEthernet0  192.168.1.10/24"));
  ck_assert_ptr_nonnull (strstr (on_pc, "up"));
  on_sw = _cord_canvas_tooltip_markup (canvas, (CanvasHit) { CANVAS_HIT_DEVICE, sw });
  ck_assert_ptr_nonnull (strstr (on_sw, "FastEthernet0/3"));
  ck_assert_ptr_null (strstr (on_sw, "FastEthernet0/4"));
  on_link = _cord_canvas_tooltip_markup (canvas, (CanvasHit) { CANVAS_HIT_LINK, l });
  ck_assert_ptr_nonnull (strstr (on_link, "S1 FastEthernet0/3"));
  ck_assert_ptr_nonnull (strstr (on_link, "PC0 FastEthernet0"));
  ck_assert (cord_topology_set_power (topology, pc, FALSE, &error));
  off = _cord_canvas_tooltip_markup (canvas, (CanvasHit) { CANVAS_HIT_DEVICE, sw });
  ck_assert_ptr_nonnull (strstr (off, "other end is off"));
  ck_assert_ptr_null (_cord_canvas_tooltip_markup (canvas, (CanvasHit) { CANVAS_HIT_NONE, NULL }));
  ck_assert_ptr_null (strstr (on_link, "Wrong cable"));
  {
    CordDevice *pc1 = add ("PC-PT", "PC1", 500, 300);
    CordDevice *pc2 = add ("PC-PT", "PC2", 700, 300);
    CordLink *wrong = cable (pc1, "FastEthernet0", pc2, "FastEthernet0", CORD_CABLE_STRAIGHT);
    g_autofree char *on_wrong = _cord_canvas_tooltip_markup (canvas, (CanvasHit) { CANVAS_HIT_LINK, wrong });

    ck_assert_ptr_nonnull (strstr (on_wrong, "Wrong cable"));
    ck_assert (pango_parse_markup (on_wrong, -1, 0, NULL, NULL, NULL, NULL));
  }
  ck_assert (pango_parse_markup (on_pc, -1, 0, NULL, NULL, NULL, NULL));
  ck_assert (pango_parse_markup (on_link, -1, 0, NULL, NULL, NULL, NULL));
}
END_TEST

START_TEST (test_set_lab_and_removal_while_selected)
{
  g_autoptr(GError) error = NULL;
  CordDevice *a = add ("PC-PT", NULL, 100, 100);
  guint changes = 0;

  cord_canvas_select_device (canvas, a);
  g_signal_connect_swapped (canvas, "selection-changed", G_CALLBACK (count_signal), &changes);
  ck_assert (cord_topology_remove_device (topology, a, &error));
  ck_assert (!cord_canvas_has_selection (canvas));
  ck_assert_uint_eq (changes, 1);
  ck_assert (cord_topology_undo (topology, &error));
  cord_test_settle (GTK_WIDGET (canvas));
  cord_canvas_select_all (canvas);
  cord_canvas_set_lab (canvas, NULL, NULL);
  ck_assert (!cord_canvas_has_selection (canvas));
  ck_assert_ptr_null (cord_canvas_get_topology (canvas));
  cord_test_settle (GTK_WIDGET (canvas));
  cord_canvas_set_lab (canvas, topology, sim);
  ck_assert_ptr_eq (cord_canvas_get_topology (canvas), topology);
  cord_test_settle (GTK_WIDGET (canvas));
}
END_TEST

/* ---------------------------------------------------------------------- */
/* Scale and looks                                                         */
/* ---------------------------------------------------------------------- */

START_TEST (test_large_lab)
{
  const guint n = 2000, per_row = 50;
  GtkSnapshot *snapshot;
  GskRenderNode *node;
  cairo_surface_t *surface;
  cairo_t *cr;
  graphene_rect_t extents;

  /* Rows of one switch and 49 PCs, the first 24 of them cabled. */
  for (guint row = 0; row < n / per_row; row++)
    {
      CordDevice *sw = add ("2960-24TT", NULL, 0, row * 110.0);

      for (guint k = 1; k < per_row; k++)
        {
          CordDevice *pc = add ("PC-PT", NULL, k * 120.0, row * 110.0);
          g_autofree char *port = g_strdup_printf ("FastEthernet0/%u", k);

          if (k <= 24)
            cable (sw, port, pc, "FastEthernet0", CORD_CABLE_STRAIGHT);
        }
    }
  ck_assert_uint_eq (cord_topology_get_n_devices (topology), n);

  /* The widget's own frame at the whole-lab zoom… */
  cord_canvas_zoom_fit (canvas);
  snapshot = gtk_snapshot_new ();
  GTK_WIDGET_GET_CLASS (canvas)->snapshot (GTK_WIDGET (canvas), snapshot);
  node = gtk_snapshot_free_to_node (snapshot);
  ck_assert_ptr_nonnull (node);
  gsk_render_node_unref (node);
  cord_test_settle (GTK_WIDGET (canvas));

  /* …and an export, scaled down to a thumbnail. */
  cord_canvas_get_lab_extents (canvas, &extents);
  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 640, 640);
  cr = cairo_create (surface);
  cairo_scale (cr, 640 / extents.size.width, 640 / extents.size.height);
  cord_canvas_render (canvas, cr);
  ck_assert_int_eq (cairo_status (cr), CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}
END_TEST

/* The screenshot lab: every cable kind, a note, a wrong cable and a
 * device that is off. */
static void
build_showcase (void)
{
  g_autoptr(GError) error = NULL;
  CordDevice *r1 = add ("Router-PT", "R1", 260, 90);
  CordDevice *r2 = add ("Router-PT", "R2", 560, 90);
  CordDevice *s0 = add ("Switch-PT", "S0", 140, 270);
  CordDevice *s1 = add ("3560-24PS", "S1", 420, 270);
  CordDevice *pc0 = add ("PC-PT", "PC0", 40, 450);
  CordDevice *pc1 = add ("PC-PT", "PC1", 220, 450);
  CordDevice *pc2 = add ("Laptop-PT", "Laptop0", 380, 450);
  CordDevice *pc3 = add ("PC-PT", "PC3", 540, 450);
  CordDevice *srv = add ("Server-PT", "Server0", 700, 270);
  CordLink *serial;

  cable (r1, "FastEthernet0/0", s0, "FastEthernet0/1", CORD_CABLE_STRAIGHT);
  serial = cable (r1, "Serial2/0", r2, "Serial2/0", CORD_CABLE_SERIAL_DCE);
  cable (s0, "FastEthernet4/1", r1, "FastEthernet4/0", CORD_CABLE_FIBER);
  cable (s0, "FastEthernet2/1", s1, "FastEthernet0/1", CORD_CABLE_CROSS);
  cable (s0, "FastEthernet1/1", pc0, "FastEthernet0", CORD_CABLE_STRAIGHT);
  cable (s0, "FastEthernet3/1", pc1, "FastEthernet0", CORD_CABLE_STRAIGHT);
  cable (s1, "FastEthernet0/2", pc2, "FastEthernet0", CORD_CABLE_STRAIGHT);
  cable (s1, "FastEthernet0/3", pc3, "FastEthernet0", CORD_CABLE_CROSS);
  cable (r2, "FastEthernet0/0", srv, "FastEthernet0", CORD_CABLE_CROSS);
  cable (pc0, "RS 232", r1, "Console", CORD_CABLE_CONSOLE);
  for (guint i = 0; i < r1->ports->len; i++)
    cord_sim_port_set_shutdown (sim, r1->ports->pdata[i], FALSE, NULL);
  cord_sim_port_set_shutdown (sim, serial->ends[1], FALSE, NULL);
  cord_sim_port_set_shutdown (sim, cord_device_find_port (r2, "FastEthernet0/0"), FALSE, NULL);
  ck_assert (cord_topology_set_power (topology, pc1, FALSE, &error));
  ck_assert_ptr_nonnull (cord_topology_add_note (topology, 620, 400,
                                                 "Lab 3: inter-VLAN routing.\nPC3 has the wrong cable.",
                                                 &error));
}

START_TEST (test_screenshot)
{
  cairo_surface_t *surface;
  g_autofree char *widget_png = cord_test_screenshot_path ("canvas");
  g_autofree char *export_png = cord_test_screenshot_path ("canvas-export");
  g_autofree char *screen_png = cord_test_screenshot_path ("canvas-screen");
  g_autofree char *import = g_find_program_in_path ("import");
  CordDevice *s1;
  double x, y;

  build_showcase ();
  cord_canvas_zoom_fit (canvas);
  cord_canvas_set_zoom (canvas, 1.0);
  s1 = cord_topology_find_device (topology, "S1");
  cord_canvas_select_device (canvas, s1);
  device_point (cord_topology_find_device (topology, "R2"), &x, &y);
  canvas->pointer_x = x;
  canvas->pointer_y = y;
  canvas->hover = (CanvasHit) { CANVAS_HIT_DEVICE, cord_topology_find_device (topology, "R2") };
  cord_test_settle (GTK_WIDGET (canvas));
  cord_test_save_png (GTK_WIDGET (canvas), widget_png);

  surface = render_lab (NULL);
  ck_assert_int_eq (cairo_surface_write_to_png (surface, export_png), CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (surface);

  if (import != NULL && g_getenv ("DISPLAY") != NULL)
    {
      g_autofree char *command = g_strdup_printf ("%s -window root %s", import, screen_png);
      int status = 0;

      ck_assert (g_spawn_command_line_sync (command, NULL, NULL, &status, NULL));
      ck_assert (g_file_test (screen_png, G_FILE_TEST_EXISTS));
    }
  ck_assert (g_file_test (widget_png, G_FILE_TEST_EXISTS));
}
END_TEST

static Suite *
canvas_suite (void)
{
  Suite *suite = suite_create ("canvas");
  TCase *tc = tcase_create ("canvas");

  tcase_add_checked_fixture (tc, setup, teardown);
  tcase_set_timeout (tc, 120);
  tcase_add_test (tc, test_lights_up_and_wrong_cable);
  tcase_add_test (tc, test_lights_power_off);
  tcase_add_test (tc, test_cache_invalidation);
  tcase_add_test (tc, test_lights_shutdown_and_console);
  tcase_add_test (tc, test_lights_waiting_hook);
  tcase_add_test (tc, test_place_tool);
  tcase_add_test (tc, test_connect_tool);
  tcase_add_test (tc, test_connect_automatic);
  tcase_add_test (tc, test_note_tool);
  tcase_add_test (tc, test_rename_in_place);
  tcase_add_test (tc, test_selection);
  tcase_add_test (tc, test_drag_moves_as_one_step);
  tcase_add_test (tc, test_delete_and_undo);
  tcase_add_test (tc, test_zoom);
  tcase_add_test (tc, test_space_pan);
  tcase_add_test (tc, test_drag_payload);
  tcase_add_test (tc, test_tooltips);
  tcase_add_test (tc, test_set_lab_and_removal_while_selected);
  tcase_add_test (tc, test_large_lab);
  tcase_add_test (tc, test_screenshot);
  suite_add_tcase (suite, tc);
  return suite;
}

int
main (void)
{
  if (!cord_test_gtk_init ("canvas"))
    return 77;
  return cord_test_gtk_run (canvas_suite ());
}
