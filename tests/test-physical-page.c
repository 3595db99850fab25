/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Tests for CordPhysicalPage: power rules and their messages, inserting and removing modules, undo, the module list, keys, clicks, drops, sync and a screenshot. */
#include <check.h>
#include <gtk/gtk.h>
#include <math.h>
#include <string.h>

#include "cord-canvas-private.h"
#include "cord-device-window.h"
#include "cord-document.h"
#include "cord-physical-page-private.h"
#include "gtk-test-util.h"
#include "topology.h"

/* ---------------------------------------------------------------------- */
/* Fixture: a presented window holding the page of an 1841                 */
/* ---------------------------------------------------------------------- */

static CordDocument *document;
static CordTopology *topology;
static CordDevice *router;
static GtkWidget *window;
static CordPhysicalPage *page;

static void
settle (void)
{
  cord_test_settle (_cord_physical_page_get_area (page));
}

static GtkWidget *
show_in_window (GtkWidget *child,
                int        width,
                int        height)
{
  GtkWidget *win = gtk_window_new ();

  gtk_window_set_title (GTK_WINDOW (win), "Patchcord physical page test");
  gtk_window_set_default_size (GTK_WINDOW (win), width, height);
  gtk_window_set_child (GTK_WINDOW (win), child);
  gtk_window_present (GTK_WINDOW (win));
  return win;
}

static void
setup (void)
{
  g_autoptr(GError) error = NULL;

  document = cord_document_new ();
  topology = cord_document_get_topology (document);
  router = cord_topology_add_device (topology, "1841", "R1", 100, 100, &error);
  ck_assert_ptr_nonnull (router);
  page = CORD_PHYSICAL_PAGE (cord_physical_page_new (document, router));
  window = show_in_window (GTK_WIDGET (page), 900, 560);
  settle ();
}

static void
teardown (void)
{
  gtk_window_destroy (GTK_WINDOW (window));
  cord_test_iterate ();
  window = NULL;
  page = NULL;
  router = NULL;
  topology = NULL;
  g_clear_object (&document);
}

/* ---------------------------------------------------------------------- */
/* Helpers                                                                 */
/* ---------------------------------------------------------------------- */

static const CordPanelHit *
panel_port (CordPhysicalPage *p,
            const char       *name)
{
  CordRenderPanel *panel = _cord_physical_page_get_panel (p);

  for (guint i = 0; panel != NULL && i < cord_render_panel_get_n_hits (panel); i++)
    {
      const CordPanelHit *hit = cord_render_panel_get_hit (panel, i);

      if (hit->kind == CORD_PANEL_HIT_PORT && strcmp (hit->id, name) == 0)
        return hit;
    }
  return NULL;
}

static const CordPanelHit *
panel_power (CordPhysicalPage *p)
{
  CordRenderPanel *panel = _cord_physical_page_get_panel (p);

  for (guint i = 0; i < cord_render_panel_get_n_hits (panel); i++)
    if (cord_render_panel_get_hit (panel, i)->kind == CORD_PANEL_HIT_POWER)
      return cord_render_panel_get_hit (panel, i);
  ck_abort_msg ("the panel has no power switch");
  return NULL;
}

/* A point of @slot in the drawing area, near its top-left corner (its
 * centre may be a module's own bay). */
static void
slot_point (CordPhysicalPage *p,
            const char       *slot,
            double           *x,
            double           *y)
{
  const CordPanelHit *hit = cord_render_panel_find_slot (_cord_physical_page_get_panel (p), slot);

  ck_assert_msg (hit != NULL, "no slot %s on the panel", slot);
  _cord_physical_page_to_widget (p, hit->rect.origin.x + 3, hit->rect.origin.y + 3, x, y);
}

static void
centre_of (CordPhysicalPage   *p,
           const CordPanelHit *hit,
           double             *x,
           double             *y)
{
  _cord_physical_page_to_widget (p, hit->rect.origin.x + hit->rect.size.width / 2,
                                 hit->rect.origin.y + hit->rect.size.height / 2, x, y);
}

static gboolean
drop_module (CordPhysicalPage *p,
             const char       *module,
             const char       *slot)
{
  g_autofree char *payload = _cord_physical_page_module_payload (module);
  double x, y;

  slot_point (p, slot, &x, &y);
  return _cord_physical_page_drop (p, payload, x, y);
}

static void
power (CordDevice *device,
       gboolean    on)
{
  g_autoptr(GError) error = NULL;

  ck_assert (cord_topology_set_power (topology, device, on, &error));
}

static GtkListBoxRow *
find_row (CordPhysicalPage *p,
          const char       *module)
{
  GtkListBox *list = _cord_physical_page_get_list (p);

  for (int i = 0; gtk_list_box_get_row_at_index (list, i) != NULL; i++)
    {
      GtkListBoxRow *row = gtk_list_box_get_row_at_index (list, i);

      if (strcmp (_cord_physical_page_row_module (row), module) == 0)
        return row;
    }
  return NULL;
}

static void
assert_message (CordPhysicalPage *p,
                const char       *part)
{
  const char *message = cord_physical_page_get_message (p);

  ck_assert_msg (message != NULL, "no message, wanted one with \"%s\"", part);
  ck_assert_msg (strstr (message, part) != NULL, "message \"%s\" lacks \"%s\"", message, part);
}

/* Waits for the page to paint again after a change. */
static void
assert_redrawn (CordPhysicalPage *p,
                guint             before)
{
  gint64 deadline = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;

  while (_cord_physical_page_get_n_draws (p) == before && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, FALSE);
  ck_assert_msg (_cord_physical_page_get_n_draws (p) > before, "the page did not redraw");
}

/* ---------------------------------------------------------------------- */
/* Tests                                                                   */
/* ---------------------------------------------------------------------- */

START_TEST (test_refused_while_powered)
{
  GtkWidget *banner_label;
  gint64 deadline;

  ck_assert (router->powered);
  ck_assert_ptr_null (cord_physical_page_get_message (page));
  ck_assert (!cord_physical_page_insert (page, "0/0", "WIC-2T"));
  ck_assert_ptr_null (cord_device_get_module (router, "0/0"));
  ck_assert_ptr_null (cord_device_find_port (router, "Serial0/0/0"));
  assert_message (page, "R1 is powered on");
  assert_message (page, "Power it off before you insert or remove a module.");

  /* The message is on screen: its bar slides in and its label is mapped. */
  banner_label = GTK_WIDGET (_cord_physical_page_get_banner_label (page));
  deadline = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;
  while (!(gtk_widget_get_mapped (banner_label) && gtk_widget_get_height (banner_label) > 0 &&
           gtk_revealer_get_child_revealed (GTK_REVEALER (gtk_widget_get_ancestor (banner_label,
                                                                                  GTK_TYPE_REVEALER)))) &&
         g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, FALSE);
  ck_assert (gtk_widget_get_mapped (banner_label));
  ck_assert_int_gt (gtk_widget_get_height (banner_label), 0);
  ck_assert_str_eq (gtk_label_get_text (GTK_LABEL (banner_label)), cord_physical_page_get_message (page));
  ck_assert (gtk_widget_has_css_class (banner_label, "error"));

  /* Removing is refused as well, with a module in. */
  power (router, FALSE);
  ck_assert (cord_physical_page_insert (page, "0/0", "WIC-2T"));
  ck_assert_ptr_null (cord_physical_page_get_message (page));
  power (router, TRUE);
  ck_assert (!cord_physical_page_remove (page, "0/0"));
  assert_message (page, "Power it off before you insert or remove a module.");
  ck_assert_ptr_nonnull (cord_device_get_module (router, "0/0"));
  ck_assert_ptr_nonnull (cord_device_find_port (router, "Serial0/0/1"));
  /* And so is dragging it out: the drop on the list runs the same path. */
  {
    g_autofree char *payload = _cord_physical_page_slot_payload (router, "0/0");
    double x, y;

    slot_point (page, "0/0", &x, &y);
    /* A module dragged out and let go over its own panel stays. */
    ck_assert (_cord_physical_page_drop (page, payload, x, y));
    ck_assert_ptr_nonnull (cord_device_get_module (router, "0/0"));
  }
}
END_TEST

START_TEST (test_insert_power_and_undo)
{
  g_autoptr(GError) error = NULL;
  guint draws;

  /* The page's switch turns the router off, as one undoable edit. */
  cord_physical_page_toggle_power (page);
  ck_assert (!router->powered);
  ck_assert_str_eq (cord_topology_get_undo_label (topology), "Power Off");

  draws = _cord_physical_page_get_n_draws (page);
  ck_assert (cord_physical_page_insert (page, "0/0", "WIC-2T"));
  ck_assert_ptr_null (cord_physical_page_get_message (page));
  ck_assert_str_eq (cord_device_get_module (router, "0/0")->module->name, "WIC-2T");
  ck_assert_ptr_nonnull (cord_device_find_port (router, "Serial0/0/0"));
  ck_assert_ptr_nonnull (cord_device_find_port (router, "Serial0/0/1"));
  ck_assert_ptr_null (cord_device_find_port (router, "Serial0/0/2"));
  ck_assert_str_eq (cord_topology_get_undo_label (topology), "Insert Module");
  /* The panel shows the card's sockets at once. */
  ck_assert_ptr_nonnull (panel_port (page, "Serial0/0/0"));
  ck_assert_ptr_nonnull (panel_port (page, "Serial0/0/1"));
  ck_assert_str_eq (_cord_physical_page_get_selected (page), "0/0");
  assert_redrawn (page, draws);

  /* Undo in the main window takes them away, and the page follows. */
  draws = _cord_physical_page_get_n_draws (page);
  ck_assert (cord_topology_undo (topology, &error));
  ck_assert_ptr_null (cord_device_get_module (router, "0/0"));
  ck_assert_ptr_null (cord_device_find_port (router, "Serial0/0/0"));
  ck_assert_ptr_null (cord_device_find_port (router, "Serial0/0/1"));
  ck_assert_ptr_null (panel_port (page, "Serial0/0/0"));
  assert_redrawn (page, draws);

  /* Redo brings them back. */
  draws = _cord_physical_page_get_n_draws (page);
  ck_assert (cord_topology_redo (topology, &error));
  ck_assert_ptr_nonnull (panel_port (page, "Serial0/0/1"));
  assert_redrawn (page, draws);

  /* Removing goes through the page too, and undoes. */
  ck_assert (cord_physical_page_remove (page, "0/0"));
  ck_assert_ptr_null (cord_device_find_port (router, "Serial0/0/0"));
  ck_assert_ptr_null (panel_port (page, "Serial0/0/0"));
  ck_assert (cord_topology_undo (topology, &error));
  ck_assert_ptr_nonnull (panel_port (page, "Serial0/0/0"));

  /* Power comes back on through the page; undo turns it off again. */
  cord_physical_page_toggle_power (page);
  ck_assert (router->powered);
  ck_assert (cord_topology_undo (topology, &error));
  ck_assert (!router->powered);
  ck_assert_ptr_null (error);
}
END_TEST

START_TEST (test_module_list)
{
  const char *fits_1841[] = { "WIC-1T", "WIC-2T", "WIC-1ENET", "HWIC-2T", "HWIC-4ESW", "HWIC-8A",
                              "HWIC-1GE-SFP" };
  const char *not_1841[] = { "NM-4E", "NM-1E", "NM-2FE2W", "PT-ROUTER-NM-1CFE", "PT-HOST-NM-1CFE" };
  g_autoptr(GError) error = NULL;
  GtkListBox *list = _cord_physical_page_get_list (page);
  int n = 0;

  while (gtk_list_box_get_row_at_index (list, n) != NULL)
    n++;
  ck_assert_int_eq (n, G_N_ELEMENTS (fits_1841));
  for (guint i = 0; i < G_N_ELEMENTS (fits_1841); i++)
    ck_assert_msg (find_row (page, fits_1841[i]) != NULL, "%s is not listed", fits_1841[i]);
  for (guint i = 0; i < G_N_ELEMENTS (not_1841); i++)
    ck_assert_msg (find_row (page, not_1841[i]) == NULL, "%s is listed", not_1841[i]);

  /* Picking one shows the catalog's description. */
  gtk_list_box_select_row (list, find_row (page, "WIC-2T"));
  ck_assert_ptr_nonnull (strstr (gtk_label_get_text (_cord_physical_page_get_description (page)),
                                 cord_catalog_lookup_module (cord_catalog_get_default (),
                                                             "WIC-2T")->description));

  /* A 2620XM takes network modules, and WICs in their bays; no HWICs. */
  {
    CordDevice *r2 = cord_topology_add_device (topology, "2620XM", "R2", 300, 100, &error);
    GtkWidget *other = cord_physical_page_new (document, r2);
    CordPhysicalPage *p2 = CORD_PHYSICAL_PAGE (g_object_ref_sink (other));

    ck_assert_ptr_nonnull (find_row (p2, "NM-2FE2W"));
    ck_assert_ptr_nonnull (find_row (p2, "NM-4E"));
    ck_assert_ptr_nonnull (find_row (p2, "WIC-1T"));
    ck_assert_ptr_null (find_row (p2, "HWIC-2T"));
    g_object_unref (p2);
  }
  /* A PC takes host NICs, not laptop ones. */
  {
    CordDevice *pc = cord_topology_add_device (topology, "PC-PT", "PC0", 300, 300, &error);
    CordPhysicalPage *p3 = CORD_PHYSICAL_PAGE (g_object_ref_sink (cord_physical_page_new (document, pc)));

    ck_assert_ptr_nonnull (find_row (p3, "PT-HOST-NM-1W"));
    ck_assert_ptr_null (find_row (p3, "PT-LAPTOP-NM-1W"));
    ck_assert_ptr_null (find_row (p3, "WIC-2T"));
    g_object_unref (p3);
  }
}
END_TEST

START_TEST (test_drops)
{
  g_autoptr(GError) error = NULL;
  CordDevice *r2 = cord_topology_add_device (topology, "2620XM", "R2", 300, 100, &error);
  GtkWidget *win2;
  CordPhysicalPage *p2;

  /* While a module is dragged over the panel, the slot under it is
   * marked: green where it would go, red where not, nothing off the slots. */
  {
    g_autofree char *wic = _cord_physical_page_module_payload ("WIC-2T");
    g_autofree char *nm = _cord_physical_page_module_payload ("NM-4E");
    gboolean ok = TRUE;
    double x, y;

    slot_point (page, "0/1", &x, &y);
    ck_assert_int_eq (_cord_physical_page_drag_motion (page, wic, x, y), GDK_ACTION_COPY);
    ck_assert_str_eq (_cord_physical_page_get_drop_slot (page, &ok), "0/1");
    ck_assert (!ok);            /* the router is on */
    power (router, FALSE);
    ck_assert_int_eq (_cord_physical_page_drag_motion (page, wic, x, y), GDK_ACTION_COPY);
    ck_assert_str_eq (_cord_physical_page_get_drop_slot (page, &ok), "0/1");
    ck_assert (ok);
    ck_assert_int_eq (_cord_physical_page_drag_motion (page, nm, x, y), GDK_ACTION_COPY);
    ck_assert_str_eq (_cord_physical_page_get_drop_slot (page, &ok), "0/1");
    ck_assert (!ok);            /* it does not fit */
    ck_assert_int_eq (_cord_physical_page_drag_motion (page, wic, 1, 1), 0);
    ck_assert_ptr_null (_cord_physical_page_get_drop_slot (page, NULL));
    ck_assert_int_eq (_cord_physical_page_drag_motion (page, "text from elsewhere", x, y), 0);
    ck_assert_ptr_null (_cord_physical_page_get_drop_slot (page, NULL));
  }

  /* A module dropped on a slot that does not take it: the topology's
   * message, and where it would go. */
  ck_assert (!drop_module (page, "NM-4E", "0/0"));
  assert_message (page, "NM-4E does not fit slot 0/0 of a 1841");
  assert_message (page, "No slot of this 1841 takes a NM-4E");
  ck_assert_ptr_null (cord_device_get_module (router, "0/0"));

  /* One that fits goes in; a second one on the same slot is told to
   * remove the first. */
  ck_assert (drop_module (page, "HWIC-4ESW", "0/1"));
  ck_assert_ptr_null (cord_physical_page_get_message (page));
  ck_assert_ptr_nonnull (cord_device_find_port (router, "FastEthernet0/1/3"));
  {
    g_autofree char *wic = _cord_physical_page_module_payload ("WIC-1T");
    gboolean ok = TRUE;
    double x, y;

    slot_point (page, "0/1", &x, &y);
    _cord_physical_page_drag_motion (page, wic, x, y);
    ck_assert_str_eq (_cord_physical_page_get_drop_slot (page, &ok), "0/1");
    ck_assert (!ok);            /* taken */
  }
  ck_assert (!drop_module (page, "WIC-1T", "0/1"));
  ck_assert_ptr_null (_cord_physical_page_get_drop_slot (page, NULL));
  assert_message (page, "Slot 0/1 of R1 already holds HWIC-4ESW; remove it first");
  /* A drop off every slot does nothing. */
  {
    g_autofree char *payload = _cord_physical_page_module_payload ("WIC-1T");

    ck_assert (!_cord_physical_page_drop (page, payload, 1, 1));
    ck_assert (!_cord_physical_page_drop (page, "something else", 200, 200));
  }

  /* On a 2620XM, a WIC dropped on the network-module bay is sent to a WIC slot. */
  p2 = CORD_PHYSICAL_PAGE (cord_physical_page_new (document, r2));
  win2 = show_in_window (GTK_WIDGET (p2), 900, 560);
  cord_test_settle (_cord_physical_page_get_area (p2));
  power (r2, FALSE);
  ck_assert (!drop_module (p2, "WIC-2T", "1"));
  assert_message (p2, "WIC-2T does not fit slot 1 of a 2620XM");
  assert_message (p2, "Drop it on slot 0/0 instead.");
  /* A network module with bays of its own, then cards in its bays. */
  ck_assert (drop_module (p2, "NM-2FE2W", "1"));
  ck_assert_ptr_nonnull (cord_render_panel_find_slot (_cord_physical_page_get_panel (p2), "W0"));
  ck_assert (drop_module (p2, "WIC-2T", "W1"));
  ck_assert_ptr_nonnull (cord_device_find_port (r2, "Serial1/2"));
  ck_assert_ptr_nonnull (panel_port (p2, "Serial1/3"));
  /* A module dragged out of R1's panel means nothing to R2's page. */
  {
    g_autofree char *payload = _cord_physical_page_slot_payload (router, "0/1");
    double x, y;

    slot_point (p2, "W1", &x, &y);
    ck_assert (!_cord_physical_page_drop (p2, payload, x, y));
    ck_assert_ptr_nonnull (cord_device_get_module (router, "0/1"));
  }
  /* Taking the network module out takes its cards with it, in one step. */
  ck_assert (cord_physical_page_remove (p2, "1"));
  ck_assert_ptr_null (cord_device_find_port (r2, "Serial1/2"));
  ck_assert_ptr_null (cord_render_panel_find_slot (_cord_physical_page_get_panel (p2), "W1"));
  ck_assert (cord_topology_undo (topology, &error));
  ck_assert_ptr_nonnull (cord_device_find_port (r2, "Serial1/2"));
  ck_assert_ptr_nonnull (cord_render_panel_find_slot (_cord_physical_page_get_panel (p2), "W1"));
  gtk_window_destroy (GTK_WINDOW (win2));
}
END_TEST

START_TEST (test_keyboard_and_clicks)
{
  GtkListBox *list = _cord_physical_page_get_list (page);
  const CordPanelHit *hit;
  double x, y;

  /* Clicking the drawn switch turns the router off. */
  hit = panel_power (page);
  centre_of (page, hit, &x, &y);
  _cord_physical_page_click (page, x, y, 1);
  ck_assert (!router->powered);

  /* Arrow keys walk the slots; Enter puts the module picked in the list
   * into the slot; Delete takes it out. */
  gtk_list_box_select_row (list, find_row (page, "WIC-1T"));
  ck_assert (_cord_physical_page_key (page, GDK_KEY_Right, 0));
  ck_assert_str_eq (_cord_physical_page_get_selected (page), "0/0");
  ck_assert (_cord_physical_page_key (page, GDK_KEY_Right, 0));
  ck_assert_str_eq (_cord_physical_page_get_selected (page), "0/1");
  ck_assert (_cord_physical_page_key (page, GDK_KEY_Return, 0));
  ck_assert_str_eq (cord_device_get_module (router, "0/1")->module->name, "WIC-1T");
  ck_assert_ptr_nonnull (cord_device_find_port (router, "Serial0/1/0"));
  ck_assert (_cord_physical_page_key (page, GDK_KEY_Delete, 0));
  ck_assert_ptr_null (cord_device_get_module (router, "0/1"));

  /* Activating a row fills the selected slot... */
  g_signal_emit_by_name (list, "row-activated", find_row (page, "HWIC-2T"));
  ck_assert_str_eq (cord_device_get_module (router, "0/1")->module->name, "HWIC-2T");
  /* ...and with no slot selected, the first empty one that takes it. */
  _cord_physical_page_click (page, 1, 1, 1);
  ck_assert_ptr_null (_cord_physical_page_get_selected (page));
  g_signal_emit_by_name (list, "row-activated", find_row (page, "WIC-2T"));
  ck_assert_str_eq (cord_device_get_module (router, "0/0")->module->name, "WIC-2T");
  /* No empty slot left: the page says so. */
  _cord_physical_page_click (page, 1, 1, 1);
  g_signal_emit_by_name (list, "row-activated", find_row (page, "WIC-1ENET"));
  assert_message (page, "No empty slot of this 1841 takes a WIC-1ENET");

  /* A click selects the slot under the pointer, even over a module's socket. */
  slot_point (page, "0/0", &x, &y);
  _cord_physical_page_click (page, x, y, 1);
  ck_assert_str_eq (_cord_physical_page_get_selected (page), "0/0");

  /* The walk reaches the power switch after the slots; Enter flips it. */
  ck_assert (_cord_physical_page_key (page, GDK_KEY_Right, 0));
  ck_assert (_cord_physical_page_key (page, GDK_KEY_Right, 0));
  ck_assert_ptr_null (_cord_physical_page_get_selected (page));
  ck_assert (_cord_physical_page_key (page, GDK_KEY_Return, 0));
  ck_assert (router->powered);
  /* Delete on a slot while on: refused, with the message. */
  ck_assert (_cord_physical_page_key (page, GDK_KEY_Left, 0));
  ck_assert_str_eq (_cord_physical_page_get_selected (page), "0/1");
  ck_assert (_cord_physical_page_key (page, GDK_KEY_Delete, 0));
  assert_message (page, "Power it off");
  ck_assert_ptr_nonnull (cord_device_get_module (router, "0/1"));
  ck_assert (!_cord_physical_page_key (page, GDK_KEY_a, 0));
}
END_TEST

/* Two windows on one device, and a topology edited from outside. */
START_TEST (test_two_pages_stay_in_sync)
{
  g_autoptr(GError) error = NULL;
  CordPhysicalPage *other = CORD_PHYSICAL_PAGE (cord_physical_page_new (document, router));
  GtkWidget *win2 = show_in_window (GTK_WIDGET (other), 700, 480);
  CordDevice *pc;
  guint draws;

  cord_test_settle (_cord_physical_page_get_area (other));
  cord_physical_page_toggle_power (other);
  ck_assert (!router->powered);
  ck_assert (cord_physical_page_insert (page, "0/0", "WIC-2T"));
  ck_assert_ptr_nonnull (panel_port (other, "Serial0/0/0"));
  /* An edit straight on the topology (a lab script, the CLI) shows too. */
  draws = _cord_physical_page_get_n_draws (other);
  ck_assert (cord_topology_insert_module (topology, router, "0/1", "HWIC-1GE-SFP", &error));
  ck_assert_ptr_nonnull (panel_port (page, "GigabitEthernet0/1/0"));
  ck_assert_ptr_nonnull (panel_port (other, "GigabitEthernet0/1/0"));
  assert_redrawn (other, draws);
  /* A cable into the new socket redraws it. */
  pc = cord_topology_add_device (topology, "PC-PT", "PC0", 300, 300, &error);
  draws = _cord_physical_page_get_n_draws (page);
  ck_assert_ptr_nonnull (cord_topology_connect (topology, cord_device_find_port (router, "FastEthernet0/0"),
                                                cord_device_find_port (pc, "FastEthernet0"),
                                                CORD_CABLE_CROSS, &error));
  assert_redrawn (page, draws);
  ck_assert (cord_topology_undo (topology, &error));
  ck_assert (cord_topology_undo (topology, &error));
  ck_assert (cord_topology_undo (topology, &error));
  ck_assert_ptr_null (panel_port (page, "GigabitEthernet0/1/0"));
  ck_assert_ptr_null (panel_port (other, "GigabitEthernet0/1/0"));
  gtk_window_destroy (GTK_WINDOW (win2));

  /* The device goes: the page lets go of it. */
  ck_assert (cord_topology_remove_device (topology, router, &error));
  ck_assert_ptr_null (_cord_physical_page_get_panel (page));
  ck_assert (!cord_physical_page_insert (page, "0/0", "WIC-2T"));
  cord_physical_page_toggle_power (page);
  settle ();
}
END_TEST

/* The device window's Physical tab is the page, for every kind. */
START_TEST (test_device_window)
{
  const char *models[] = { "1841", "Hub-PT", "Bridge-PT", "PC-PT", "2960-24TT" };

  for (guint i = 0; i < G_N_ELEMENTS (models); i++)
    {
      g_autoptr(GError) error = NULL;
      CordDevice *device = cord_topology_add_device (topology, models[i], NULL, 0, 0, &error);
      CordDeviceWindow *dw = cord_device_window_new (document, device);
      GtkStack *stack = GTK_STACK (gtk_window_get_child (GTK_WINDOW (dw)));
      GtkWidget *physical = gtk_stack_get_child_by_name (stack, "physical");

      ck_assert_msg (CORD_IS_PHYSICAL_PAGE (physical), "%s: the Physical tab is no page", models[i]);
      if (device->model->kind == CORD_KIND_HUB || device->model->kind == CORD_KIND_BRIDGE)
        {
          ck_assert_ptr_null (gtk_stack_get_child_by_name (stack, "config"));
          ck_assert_str_eq (gtk_stack_get_visible_child_name (stack), "physical");
        }
      gtk_window_destroy (GTK_WINDOW (dw));
    }
}
END_TEST

/* A port a module brings is in the canvas's port list the next time it opens. */
START_TEST (test_new_ports_in_canvas_popup)
{
  CordCanvas *canvas = CORD_CANVAS (cord_canvas_new ());
  GtkWidget *win2 = show_in_window (GTK_WIDGET (canvas), 700, 480);
  gboolean found = FALSE;
  double x, y;

  cord_canvas_set_lab (canvas, topology, cord_document_get_sim (document));
  cord_test_settle (GTK_WIDGET (canvas));
  cord_physical_page_toggle_power (page);
  ck_assert (cord_physical_page_insert (page, "0/0", "WIC-2T"));
  cord_canvas_set_tool (canvas, CORD_CANVAS_TOOL_CONNECT, NULL, CORD_CABLE_SERIAL_DCE);
  _cord_canvas_model_to_widget (canvas, router->x, router->y, &x, &y);
  _cord_canvas_test_click (canvas, x, y, 1, 0);
  ck_assert (_cord_canvas_popover_open (canvas->port_popover));
  for (GtkWidget *row = gtk_widget_get_first_child (canvas->port_list); row != NULL;
       row = gtk_widget_get_next_sibling (row))
    {
      guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row), "port-index"));
      CordPort *port = canvas->picking_device->ports->pdata[index];

      if (strcmp (port->name, "Serial0/0/1") == 0)
        found = gtk_widget_get_sensitive (row);
    }
  ck_assert_msg (found, "Serial0/0/1 is not offered for a serial cable");
  cord_canvas_set_lab (canvas, NULL, NULL);
  gtk_window_destroy (GTK_WINDOW (win2));
}
END_TEST

START_TEST (test_screenshot)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *widget_png = cord_test_screenshot_path ("physical");
  g_autofree char *screen_png = cord_test_screenshot_path ("physical-screen");
  g_autofree char *import = g_find_program_in_path ("import");
  CordDevice *pc = cord_topology_add_device (topology, "PC-PT", "PC0", 300, 300, &error);
  gint64 deadline;

  cord_physical_page_toggle_power (page);
  ck_assert (cord_physical_page_insert (page, "0/0", "WIC-2T"));
  ck_assert_ptr_nonnull (cord_topology_connect (topology, cord_device_find_port (router, "FastEthernet0/0"),
                                                cord_device_find_port (pc, "FastEthernet0"),
                                                CORD_CABLE_CROSS, &error));
  gtk_list_box_select_row (_cord_physical_page_get_list (page), find_row (page, "HWIC-2T"));
  /* The message bar over the panel: what a refused drop looks like, with
   * the slot under the dragged card marked. */
  cord_physical_page_toggle_power (page);
  ck_assert (!cord_physical_page_insert (page, "0/1", "HWIC-2T"));
  {
    g_autofree char *payload = _cord_physical_page_module_payload ("HWIC-2T");
    double x, y;

    slot_point (page, "0/1", &x, &y);
    _cord_physical_page_drag_motion (page, payload, x, y);
  }
  deadline = g_get_monotonic_time () + 2 * G_USEC_PER_SEC;
  while (g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, FALSE);
  settle ();
  cord_test_save_png (GTK_WIDGET (page), widget_png);
  if (import != NULL && g_getenv ("DISPLAY") != NULL)
    {
      g_autofree char *command = g_strdup_printf ("%s -window root %s", import, screen_png);
      int status = 0;

      ck_assert (g_spawn_command_line_sync (command, NULL, NULL, &status, NULL));
      ck_assert (g_file_test (screen_png, G_FILE_TEST_EXISTS));
    }
  ck_assert (g_file_test (widget_png, G_FILE_TEST_EXISTS));

  /* A 2620XM's device window, with a network module that carries a card. */
  {
    g_autofree char *window_png = cord_test_screenshot_path ("physical-window");
    CordDevice *r2 = cord_topology_add_device (topology, "2620XM", "R2", 300, 100, &error);
    CordDeviceWindow *dw;
    GtkWidget *p2;

    power (r2, FALSE);
    ck_assert (cord_topology_insert_module (topology, r2, "1", "NM-2FE2W", &error));
    ck_assert (cord_topology_insert_module (topology, r2, "W0", "WIC-2T", &error));
    ck_assert (cord_topology_insert_module (topology, r2, "0/0", "WIC-1T", &error));
    dw = cord_device_window_new (document, r2);
    cord_device_window_show_tab (dw, "physical");
    gtk_window_present (GTK_WINDOW (dw));
    p2 = gtk_stack_get_child_by_name (GTK_STACK (gtk_window_get_child (GTK_WINDOW (dw))), "physical");
    cord_test_settle (_cord_physical_page_get_area (CORD_PHYSICAL_PAGE (p2)));
    deadline = g_get_monotonic_time () + G_USEC_PER_SEC;
    while (g_get_monotonic_time () < deadline)
      g_main_context_iteration (NULL, FALSE);
    cord_test_save_png (GTK_WIDGET (dw), window_png);
    gtk_window_destroy (GTK_WINDOW (dw));
  }
}
END_TEST

static Suite *
physical_page_suite (void)
{
  Suite *suite = suite_create ("physical-page");
  TCase *tc = tcase_create ("physical-page");

  tcase_add_checked_fixture (tc, setup, teardown);
  tcase_set_timeout (tc, 120);
  tcase_add_test (tc, test_refused_while_powered);
  tcase_add_test (tc, test_insert_power_and_undo);
  tcase_add_test (tc, test_module_list);
  tcase_add_test (tc, test_drops);
  tcase_add_test (tc, test_keyboard_and_clicks);
  tcase_add_test (tc, test_two_pages_stay_in_sync);
  tcase_add_test (tc, test_device_window);
  tcase_add_test (tc, test_new_ports_in_canvas_popup);
  tcase_add_test (tc, test_screenshot);
  suite_add_tcase (suite, tc);
  return suite;
}

int
main (void)
{
  g_autoptr(GtkCssProvider) css = NULL;

  if (!cord_test_gtk_init ("physical-page"))
    return 77;
  /* The application's style, as its windows have it. */
  g_type_ensure (CORD_TYPE_PHYSICAL_PAGE);
  css = gtk_css_provider_new ();
  gtk_css_provider_load_from_resource (css, "/org/patchcord/Patchcord/style.css");
  gtk_style_context_add_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (css),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  return cord_test_gtk_run (physical_page_suite ());
}
