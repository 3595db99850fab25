/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Tests for CordRenderPanel: every model's layout, every module in its slot, the power LED and slots by pixel, hit testing and module pictures. */
#include <check.h>
#include <math.h>
#include <string.h>

#include "cord-render-panel.h"
#include "test-util.h"
#include "topology.h"

static CordTopology *topology;

static void
setup (void)
{
  topology = cord_topology_new (cord_catalog_get_default ());
}

static void
teardown (void)
{
  g_clear_object (&topology);
}

/* Helpers. */

static CordDevice *
add (const char *model)
{
  g_autoptr(GError) error = NULL;
  CordDevice *device = cord_topology_add_device (topology, model, NULL, 0, 0, &error);

  ck_assert_msg (device != NULL, "adding %s failed: %s", model, error ? error->message : "?");
  return device;
}

static void
power (CordDevice *device,
       gboolean    on)
{
  g_autoptr(GError) error = NULL;

  ck_assert_msg (cord_topology_set_power (topology, device, on, &error), "%s",
                 error ? error->message : "?");
}

static void
insert (CordDevice *device,
        const char *slot,
        const char *module)
{
  g_autoptr(GError) error = NULL;

  ck_assert_msg (cord_topology_insert_module (topology, device, slot, module, &error),
                 "inserting %s into %s of %s: %s", module, slot, device->model->name,
                 error ? error->message : "?");
}

static gboolean
rect_inside (const graphene_rect_t *inner,
             const graphene_rect_t *outer)
{
  return inner->origin.x >= outer->origin.x - 0.01 &&
         inner->origin.y >= outer->origin.y - 0.01 &&
         inner->origin.x + inner->size.width <= outer->origin.x + outer->size.width + 0.01 &&
         inner->origin.y + inner->size.height <= outer->origin.y + outer->size.height + 0.01;
}

/* Touching edges do not count. */
static gboolean
rects_overlap (const graphene_rect_t *a,
               const graphene_rect_t *b)
{
  return a->origin.x < b->origin.x + b->size.width - 0.01 &&
         b->origin.x < a->origin.x + a->size.width - 0.01 &&
         a->origin.y < b->origin.y + b->size.height - 0.01 &&
         b->origin.y < a->origin.y + a->size.height - 0.01;
}

static const CordPanelHit *
find_port (CordRenderPanel *panel,
           const char      *name)
{
  for (guint i = 0; i < cord_render_panel_get_n_hits (panel); i++)
    {
      const CordPanelHit *hit = cord_render_panel_get_hit (panel, i);

      if (hit->kind == CORD_PANEL_HIT_PORT && strcmp (hit->id, name) == 0)
        return hit;
    }
  return NULL;
}

/* The slot whose module brought @port, or NULL for a built-in port. */
static const CordPanelHit *
slot_of (CordRenderPanel *panel,
         CordPort        *port)
{
  return port->slot != NULL ? cord_render_panel_find_slot (panel, port->slot) : NULL;
}

/* Checks what every panel must be: hits inside the panel, one power
 * switch, chassis slots apart, sub-slots inside their module's slot and
 * apart, every port of the device on the panel inside its slot, and no
 * port over another or over a slot it is not in. */
static void
check_panel (CordDevice      *device,
             CordRenderPanel *panel)
{
  graphene_rect_t bounds;
  double w = 0, h = 0;
  guint n = cord_render_panel_get_n_hits (panel), n_power = 0, n_slots = 0;
  g_autoptr(GPtrArray) slots = cord_device_list_slots (device);
  const char *model = device->model->name;

  cord_render_panel_get_size (panel, &w, &h);
  ck_assert_msg (w > 50 && h > 40, "%s: panel %gx%g", model, w, h);
  graphene_rect_init (&bounds, 0, 0, (float) w, (float) h);
  for (guint i = 0; i < n; i++)
    {
      const CordPanelHit *a = cord_render_panel_get_hit (panel, i);

      ck_assert_msg (rect_inside (&a->rect, &bounds), "%s: %s is off the %gx%g panel", model,
                     a->id ? a->id : "power", w, h);
      ck_assert_msg (a->rect.size.width > 0 && a->rect.size.height > 0, "%s: %s is empty", model,
                     a->id ? a->id : "power");
      n_power += a->kind == CORD_PANEL_HIT_POWER;
      n_slots += a->kind == CORD_PANEL_HIT_SLOT;
      for (guint j = i + 1; j < n; j++)
        {
          const CordPanelHit *b = cord_render_panel_get_hit (panel, j);
          gboolean nested = FALSE;

          /* A module's ports and bays lie on its slot. */
          if (a->kind == CORD_PANEL_HIT_SLOT && b->depth > a->depth &&
              rect_inside (&b->rect, &a->rect))
            nested = TRUE;
          if (a->kind == CORD_PANEL_HIT_SLOT && b->kind == CORD_PANEL_HIT_PORT)
            {
              CordPort *port = cord_device_find_port (device, b->id);

              ck_assert_ptr_nonnull (port);
              /* Inside the slot of its module, or inside that slot's module's slot. */
              nested = rect_inside (&b->rect, &a->rect);
            }
          if (!nested)
            ck_assert_msg (!rects_overlap (&a->rect, &b->rect), "%s: %s and %s overlap", model,
                           a->id ? a->id : "power", b->id ? b->id : "power");
        }
    }
  ck_assert_uint_eq (n_power, 1);
  ck_assert_msg (n_slots == slots->len, "%s: %u slot rects for %u slots", model, n_slots, slots->len);
  for (guint i = 0; i < slots->len; i++)
    {
      const CordSlotSpec *spec = slots->pdata[i];
      const CordPanelHit *hit = cord_render_panel_find_slot (panel, spec->id);

      ck_assert_msg (hit != NULL, "%s: slot %s is not on the panel", model, spec->id);
    }
  for (guint i = 0; i < device->ports->len; i++)
    {
      CordPort *port = device->ports->pdata[i];
      const CordPanelHit *hit = find_port (panel, port->name);
      const CordPanelHit *slot = slot_of (panel, port);

      /* An octal cable is one connector for its eight lines. */
      if (port->medium == CORD_MEDIUM_ASYNC && hit == NULL)
        continue;
      ck_assert_msg (hit != NULL, "%s: port %s is not on the panel", model, port->name);
      if (slot != NULL)
        ck_assert_msg (rect_inside (&hit->rect, &slot->rect), "%s: %s sticks out of slot %s",
                       model, port->name, port->slot);
    }
}

static cairo_surface_t *
draw_panel (CordRenderPanel      *panel,
            double                scale,
            const CordPanelMarks *marks)
{
  double w, h;
  cairo_surface_t *surface;
  cairo_t *cr;

  cord_render_panel_get_size (panel, &w, &h);
  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, (int) ceil (w * scale),
                                        (int) ceil (h * scale));
  cr = cairo_create (surface);
  cairo_scale (cr, scale, scale);
  cord_render_panel_draw (panel, cr, marks);
  ck_assert_int_eq (cairo_status (cr), CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  return surface;
}

typedef struct {
  int a, r, g, b;
} Pixel;

static Pixel
pixel_at (cairo_surface_t *surface,
          int              x,
          int              y)
{
  const guint8 *data = cairo_image_surface_get_data (surface);
  guint32 v;

  ck_assert (x >= 0 && y >= 0);
  ck_assert (x < cairo_image_surface_get_width (surface));
  ck_assert (y < cairo_image_surface_get_height (surface));
  v = *(const guint32 *) (data + y * cairo_image_surface_get_stride (surface) + x * 4);
  return (Pixel) { (v >> 24) & 0xff, (v >> 16) & 0xff, (v >> 8) & 0xff, v & 0xff };
}

/* Saves the picture for a person to look at, when PATCHCORD_SCREENSHOTS names a folder. */
static void
maybe_save (cairo_surface_t *surface,
            const char      *name)
{
  const char *dir = g_getenv ("PATCHCORD_SCREENSHOTS");
  g_autofree char *file = NULL;
  g_autofree char *path = NULL;

  if (dir == NULL)
    return;
  file = g_strdup_printf ("panel-%s.png", name);
  g_strdelimit (file, " /", '_');
  path = g_build_filename (dir, file, NULL);
  ck_assert_int_eq (cairo_surface_write_to_png (surface, path), CAIRO_STATUS_SUCCESS);
}

/* Tests. */

START_TEST (test_every_model)
{
  CordCatalog *catalog = cord_topology_get_catalog (topology);
  guint n = cord_catalog_get_n_models (catalog);

  ck_assert_uint_eq (n, 18);
  for (guint i = 0; i < n; i++)
    {
      const CordModelSpec *model = cord_catalog_get_model (catalog, i);
      CordDevice *device = add (model->name);
      g_autoptr(CordRenderPanel) panel = cord_render_panel_new (device);
      cairo_surface_t *surface;
      graphene_point_t led;

      ck_assert_ptr_eq (cord_render_panel_get_device (panel), device);
      check_panel (device, panel);
      /* The LED is on the panel, on the power switch's block. */
      cord_render_panel_get_led (panel, &led);
      ck_assert (led.x > 0 && led.y > 0);
      ck_assert_ptr_nonnull (cord_render_panel_hit_test (panel, led.x, led.y));
      ck_assert_int_eq (cord_render_panel_hit_test (panel, led.x, led.y)->kind,
                        CORD_PANEL_HIT_POWER);
      surface = draw_panel (panel, 2, NULL);
      maybe_save (surface, model->name);
      cairo_surface_destroy (surface);
    }
}
END_TEST

/* Every module of the catalog, in the first slot of the first model that
 * takes it: its ports and bays stay on its plate. */
START_TEST (test_every_module_fits)
{
  CordCatalog *catalog = cord_topology_get_catalog (topology);

  for (guint m = 0; m < cord_catalog_get_n_modules (catalog); m++)
    {
      const CordModuleSpec *module = cord_catalog_get_module (catalog, m);
      const CordModelSpec *model = NULL;
      const CordSlotSpec *slot = NULL;
      g_autoptr(CordRenderPanel) panel = NULL;
      const CordPanelHit *hit;
      CordDevice *device;
      guint n_ports = 0;

      for (guint i = 0; i < cord_catalog_get_n_models (catalog) && slot == NULL; i++)
        {
          model = cord_catalog_get_model (catalog, i);
          for (guint s = 0; s < model->n_slots && slot == NULL; s++)
            if (cord_slot_accepts (&model->slots[s], module))
              slot = &model->slots[s];
        }
      ck_assert_msg (slot != NULL, "no model takes %s", module->name);
      device = add (model->name);
      power (device, FALSE);
      if (cord_device_get_module (device, slot->id) != NULL)
        ck_assert (cord_topology_remove_module (topology, device, slot->id, NULL));
      insert (device, slot->id, module->name);
      /* A network module's bays get a card each. */
      for (guint s = 0; s < module->n_slots; s++)
        insert (device, module->slots[s].id, "WIC-2T");
      panel = cord_render_panel_new (device);
      check_panel (device, panel);
      hit = cord_render_panel_find_slot (panel, slot->id);
      ck_assert_ptr_nonnull (hit);
      for (guint i = 0; i < device->ports->len; i++)
        {
          CordPort *port = device->ports->pdata[i];
          const CordPanelHit *ph = find_port (panel, port->name);

          if (port->slot == NULL || strcmp (port->slot, slot->id) != 0 || ph == NULL)
            continue;
          n_ports++;
          ck_assert_msg (rect_inside (&ph->rect, &hit->rect), "%s: %s is off its plate",
                         module->name, port->name);
        }
      ck_assert_msg (n_ports > 0, "%s shows no port", module->name);
      for (guint s = 0; s < module->n_slots; s++)
        {
          const CordPanelHit *sub = cord_render_panel_find_slot (panel, module->slots[s].id);

          ck_assert_ptr_nonnull (sub);
          ck_assert_uint_eq (sub->depth, 1);
          ck_assert (rect_inside (&sub->rect, &hit->rect));
          /* The innermost part wins a hit test. */
          ck_assert_ptr_eq (cord_render_panel_hit_test (panel, sub->rect.origin.x + 2,
                                                        sub->rect.origin.y + 2), sub);
        }
      if (module->n_slots > 0)
        {
          cairo_surface_t *surface = draw_panel (panel, 2, NULL);

          maybe_save (surface, "with-NM-2FE2W");
          cairo_surface_destroy (surface);
        }
    }
}
END_TEST

static gboolean
is_green (Pixel p)
{
  return p.g > 150 && p.g > p.r + 60 && p.g > p.b + 30;
}

START_TEST (test_led)
{
  CordDevice *device = add ("1841");
  graphene_point_t led;
  cairo_surface_t *surface;
  Pixel p;

  ck_assert (device->powered);
  {
    g_autoptr(CordRenderPanel) panel = cord_render_panel_new (device);

    cord_render_panel_get_led (panel, &led);
    surface = draw_panel (panel, 3, NULL);
    p = pixel_at (surface, (int) (led.x * 3), (int) (led.y * 3));
    ck_assert_msg (is_green (p), "LED of a running device: %d,%d,%d", p.r, p.g, p.b);
    cairo_surface_destroy (surface);

    /* The panel reads power on every draw. */
    power (device, FALSE);
    surface = draw_panel (panel, 3, NULL);
    p = pixel_at (surface, (int) (led.x * 3), (int) (led.y * 3));
    ck_assert_msg (!is_green (p) && p.g < 90, "LED of a device that is off: %d,%d,%d", p.r, p.g, p.b);
    ck_assert_int_eq (p.a, 255);
    cairo_surface_destroy (surface);
  }
  /* And on again, on a new panel. */
  power (device, TRUE);
  {
    g_autoptr(CordRenderPanel) panel = cord_render_panel_new (device);

    surface = draw_panel (panel, 3, NULL);
    p = pixel_at (surface, (int) (led.x * 3), (int) (led.y * 3));
    ck_assert (is_green (p));
    cairo_surface_destroy (surface);
  }
}
END_TEST

/* The fraction of pixels in @r (panel units) that differ between two
 * drawings at scale 2. */
static double
difference (cairo_surface_t       *a,
            cairo_surface_t       *b,
            const graphene_rect_t *r)
{
  guint differ = 0, total = 0;

  for (int y = (int) (r->origin.y * 2); y < (int) ((r->origin.y + r->size.height) * 2); y++)
    for (int x = (int) (r->origin.x * 2); x < (int) ((r->origin.x + r->size.width) * 2); x++)
      {
        Pixel pa = pixel_at (a, x, y), pb = pixel_at (b, x, y);

        total++;
        differ += abs (pa.r - pb.r) + abs (pa.g - pb.g) + abs (pa.b - pb.b) > 30;
      }
  return total > 0 ? (double) differ / total : 0;
}

START_TEST (test_module_draws_differently)
{
  CordDevice *device = add ("1841");
  g_autoptr(CordRenderPanel) empty = NULL;
  g_autoptr(CordRenderPanel) full = NULL;
  cairo_surface_t *before, *after;
  graphene_rect_t slot, other;
  double w0, h0, w1, h1;

  power (device, FALSE);
  empty = cord_render_panel_new (device);
  before = draw_panel (empty, 2, NULL);
  insert (device, "0/0", "WIC-2T");
  full = cord_render_panel_new (device);
  after = draw_panel (full, 2, NULL);
  maybe_save (after, "1841-with-WIC-2T");

  /* The same geometry: a module fills its slot. */
  cord_render_panel_get_size (empty, &w0, &h0);
  cord_render_panel_get_size (full, &w1, &h1);
  ck_assert (w0 == w1 && h0 == h1);
  slot = cord_render_panel_find_slot (full, "0/0")->rect;
  other = cord_render_panel_find_slot (full, "0/1")->rect;
  ck_assert (graphene_rect_equal (&slot, &cord_render_panel_find_slot (empty, "0/0")->rect));
  /* The plate and its two serial sockets replace the blank cover... */
  ck_assert_msg (difference (before, after, &slot) > 0.25, "slot 0/0 changed %.0f%%",
                 difference (before, after, &slot) * 100);
  /* ...and nothing else moved. */
  ck_assert_msg (difference (before, after, &other) < 0.001, "slot 0/1 changed too");
  ck_assert_ptr_nonnull (find_port (full, "Serial0/0/0"));
  ck_assert_ptr_nonnull (find_port (full, "Serial0/0/1"));
  ck_assert_ptr_null (find_port (empty, "Serial0/0/0"));
  cairo_surface_destroy (before);
  cairo_surface_destroy (after);
}
END_TEST

START_TEST (test_marks_and_hits)
{
  CordDevice *device = add ("2811");
  g_autoptr(CordRenderPanel) panel = cord_render_panel_new (device);
  const CordPanelHit *slot = cord_render_panel_find_slot (panel, "0/1");
  const CordPanelHit *port = find_port (panel, "FastEthernet0/0");
  CordPanelMarks marks = { 0 };
  cairo_surface_t *plain, *marked;
  graphene_rect_t ring;
  Pixel p;

  ck_assert_ptr_nonnull (slot);
  ck_assert_ptr_nonnull (port);
  ck_assert_ptr_null (cord_render_panel_find_slot (panel, "7"));
  ck_assert_ptr_eq (cord_render_panel_hit_test (panel, slot->rect.origin.x + 1,
                                                slot->rect.origin.y + 1), slot);
  ck_assert_ptr_eq (cord_render_panel_hit_test (panel, port->rect.origin.x + 1,
                                                port->rect.origin.y + 1), port);
  ck_assert_ptr_null (cord_render_panel_hit_test (panel, -5, -5));
  ck_assert_ptr_null (cord_render_panel_hit_test (panel, 1, 1));

  /* A refused drop rings the slot in red, an accepted one in green. */
  plain = draw_panel (panel, 2, NULL);
  marks.drop_slot = "0/1";
  marks.drop_ok = FALSE;
  marked = draw_panel (panel, 2, &marks);
  ring = slot->rect;
  p = pixel_at (marked, (int) ((ring.origin.x + ring.size.width / 2) * 2), (int) ((ring.origin.y - 1.5) * 2));
  ck_assert_msg (p.r > 150 && p.g < 90, "refused ring: %d,%d,%d", p.r, p.g, p.b);
  cairo_surface_destroy (marked);
  marks.drop_ok = TRUE;
  marked = draw_panel (panel, 2, &marks);
  p = pixel_at (marked, (int) ((ring.origin.x + ring.size.width / 2) * 2), (int) ((ring.origin.y - 1.5) * 2));
  ck_assert_msg (is_green (p), "accepted ring: %d,%d,%d", p.r, p.g, p.b);
  cairo_surface_destroy (marked);
  p = pixel_at (plain, (int) ((ring.origin.x + ring.size.width / 2) * 2), (int) ((ring.origin.y - 1.5) * 2));
  ck_assert (!is_green (p));
  cairo_surface_destroy (plain);
}
END_TEST

START_TEST (test_module_pictures)
{
  CordCatalog *catalog = cord_topology_get_catalog (topology);

  for (guint m = 0; m < cord_catalog_get_n_modules (catalog); m++)
    {
      const CordModuleSpec *module = cord_catalog_get_module (catalog, m);
      cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 120, 40);
      cairo_t *cr = cairo_create (surface);
      guint opaque = 0;

      cord_render_module_picture (cr, module, 120, 40);
      ck_assert_int_eq (cairo_status (cr), CAIRO_STATUS_SUCCESS);
      cairo_destroy (cr);
      cairo_surface_flush (surface);
      for (int y = 0; y < 40; y++)
        for (int x = 0; x < 120; x++)
          opaque += pixel_at (surface, x, y).a == 255;
      /* The plate fills most of its box, fitted and centred. */
      ck_assert_msg (opaque > 120 * 40 / 4, "%s: %u opaque pixels", module->name, opaque);
      maybe_save (surface, module->name);
      cairo_surface_destroy (surface);
    }
}
END_TEST

static Suite *
render_panel_suite (void)
{
  Suite *suite = suite_create ("render-panel");
  TCase *tc = tcase_create ("render-panel");

  tcase_add_checked_fixture (tc, setup, teardown);
  tcase_add_test (tc, test_every_model);
  tcase_add_test (tc, test_every_module_fits);
  tcase_add_test (tc, test_led);
  tcase_add_test (tc, test_module_draws_differently);
  tcase_add_test (tc, test_marks_and_hits);
  tcase_add_test (tc, test_module_pictures);
  suite_add_tcase (suite, tc);
  return suite;
}

int
main (void)
{
  return cord_test_run (render_panel_suite ());
}
