/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Tests for the application and its window: the document, the palette and window in-process, then the real patchcord driven with xdotool. */
#include "config.h"

#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <gtk/gtk.h>
#include <glib/gstdio.h>

#include "cord-document.h"
#include "cord-palette.h"
#include "cord-window-private.h"
#include "lab.h"
#include "test-util.h"

#define TIMEOUT_MS 20000
#include "app-driver.h"

static gboolean
result_arrived (gpointer data)
{
  return *(GAsyncResult **) data != NULL;
}

static void
store_result (GObject      *source,
              GAsyncResult *result,
              gpointer      data)
{
  *(GAsyncResult **) data = g_object_ref (result);
}

static GAsyncResult *
wait_result (GAsyncResult **slot)
{
  ck_assert_msg (wait_until (result_arrived, slot, TIMEOUT_MS), "the operation never finished");
  return *slot;
}

/* CordDocument. */

static void
document_setup (void)
{
  g_autofree char *dir = cord_recovery_dir ();

  cord_test_remove_tree (dir);
}

START_TEST (test_document_new)
{
  g_autoptr(CordDocument) doc = cord_document_new ();

  ck_assert_str_eq (cord_document_get_title (doc), "Untitled Lab");
  ck_assert (cord_document_get_file (doc) == NULL);
  ck_assert (!cord_document_get_modified (doc));
  ck_assert (cord_document_is_untouched (doc));
  ck_assert (cord_document_dup_folder (doc) == NULL);
  ck_assert_uint_eq (cord_topology_get_n_devices (cord_document_get_topology (doc)), 0);

  ck_assert (cord_topology_add_device (cord_document_get_topology (doc), "2960-24TT", NULL, 10, 20, NULL) != NULL);
  ck_assert (cord_document_get_modified (doc));
  ck_assert (!cord_document_is_untouched (doc));
  ck_assert (cord_topology_undo (cord_document_get_topology (doc), NULL));
  ck_assert (!cord_document_get_modified (doc));
  cord_document_close (doc);
}
END_TEST

START_TEST (test_document_load_and_save)
{
  g_autoptr(CordDocument) doc = cord_document_new ();
  g_autofree char *lab = sample_lab ();
  g_autofree char *original = read_file (lab);
  g_autoptr(GFile) file = g_file_new_for_path (lab);
  g_autofree char *dir = g_dir_make_tmp ("patchcord-doc-XXXXXX", NULL);
  g_autofree char *copy = g_build_filename (dir, "copy.pclab", NULL);
  g_autoptr(GFile) copy_file_ = g_file_new_for_path (copy);
  g_autoptr(GAsyncResult) loaded = NULL;
  g_autoptr(GAsyncResult) saved = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *written = NULL;
  CordTopology *before = cord_document_get_topology (doc);

  cord_document_load_async (doc, file, NULL, store_result, &loaded);
  ck_assert (cord_document_get_busy (doc));
  ck_assert_msg (cord_document_load_finish (doc, wait_result (&loaded), &error),
                 "%s", error ? error->message : "");
  ck_assert (!cord_document_get_busy (doc));
  ck_assert (cord_document_get_topology (doc) != before);
  ck_assert_uint_eq (cord_topology_get_n_devices (cord_document_get_topology (doc)), 10);
  ck_assert_str_eq (cord_document_get_title (doc), "vlan-router-on-a-stick.pclab");
  ck_assert (!cord_document_get_modified (doc));
  ck_assert (!cord_document_is_untouched (doc));

  /* Save As to a new file: the same bytes, and the lab now lives there. */
  ck_assert (cord_topology_add_device (cord_document_get_topology (doc), "PC-PT", "PCX", 5, 5, NULL));
  ck_assert (cord_topology_undo (cord_document_get_topology (doc), NULL));
  ck_assert (cord_topology_add_device (cord_document_get_topology (doc), "PC-PT", "PCX", 5, 5, NULL));
  ck_assert (cord_document_get_modified (doc));
  ck_assert (cord_topology_undo (cord_document_get_topology (doc), NULL));
  cord_document_save_async (doc, copy_file_, NULL, store_result, &saved);
  ck_assert_msg (cord_document_save_finish (doc, wait_result (&saved), &error),
                 "%s", error ? error->message : "");
  written = read_file (copy);
  ck_assert_str_eq (written, original);
  ck_assert (g_file_equal (cord_document_get_file (doc), copy_file_));
  ck_assert_str_eq (cord_document_get_title (doc), "copy.pclab");
  ck_assert (!cord_document_get_modified (doc));

  cord_document_close (doc);
  cord_test_remove_tree (dir);
}
END_TEST

START_TEST (test_document_load_error)
{
  g_autoptr(CordDocument) doc = cord_document_new ();
  g_autofree char *dir = g_dir_make_tmp ("patchcord-doc-XXXXXX", NULL);
  g_autofree char *bad = g_build_filename (dir, "bad.pclab", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (bad);
  g_autoptr(GAsyncResult) loaded = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *where = NULL;

  ck_assert (g_file_set_contents (bad, "<?xml version=\"1.0\"?>\n<patchcord-lab version=\"1\">\n"
                                       "  <device name=\"R1\" model=\"NoSuchModel\" x=\"1\" y=\"2\"/>\n"
                                       "</patchcord-lab>\n", -1, NULL));
  cord_document_load_async (doc, file, NULL, store_result, &loaded);
  ck_assert (!cord_document_load_finish (doc, wait_result (&loaded), &error));
  ck_assert (error != NULL);
  where = g_strdup_printf ("%s:3:", bad);
  ck_assert_msg (strstr (error->message, where) != NULL, "no FILE:LINE in “%s”", error->message);
  /* Nothing changed. */
  ck_assert_str_eq (cord_document_get_title (doc), "Untitled Lab");
  ck_assert (cord_document_get_file (doc) == NULL);
  ck_assert (!cord_document_get_busy (doc));

  cord_document_close (doc);
  cord_test_remove_tree (dir);
}
END_TEST

static gboolean
recovery_written (gpointer data)
{
  g_autofree char *dir = cord_recovery_dir ();

  return count_files (dir, ".ini") == GPOINTER_TO_UINT (data);
}

START_TEST (test_document_autosave)
{
  g_autoptr(CordDocument) doc = NULL;
  g_autoptr(CordDocument) restored = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autofree char *dir = cord_recovery_dir ();
  g_autoptr(GError) error = NULL;
  CordRecoveryInfo *info;

  g_setenv ("PATCHCORD_AUTOSAVE_SECONDS", "1", TRUE);
  doc = cord_document_new ();
  g_unsetenv ("PATCHCORD_AUTOSAVE_SECONDS");

  /* Nothing is written for a lab without changes. */
  ck_assert (!wait_until (recovery_written, GUINT_TO_POINTER (1), 1500));
  ck_assert (cord_topology_add_device (cord_document_get_topology (doc), "1841", "R9", 1, 2, NULL));
  ck_assert_msg (wait_until (recovery_written, GUINT_TO_POINTER (1), 5000), "no recovery copy");

  /* This process owns the copy, so it is not offered. */
  list = cord_recovery_list ();
  ck_assert_uint_eq (list->len, 0);
  g_clear_pointer (&list, g_ptr_array_unref);

  /* Pretend the owner died: a copy from a dead process is offered. */
  {
    g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
    const char *name;

    while ((name = g_dir_read_name (d)) != NULL)
      if (g_str_has_suffix (name, ".ini"))
        {
          g_autofree char *path = g_build_filename (dir, name, NULL);
          g_autoptr(GKeyFile) keys = g_key_file_new ();

          ck_assert (g_key_file_load_from_file (keys, path, G_KEY_FILE_KEEP_COMMENTS, NULL));
          g_key_file_set_int64 (keys, "Recovery", "Pid", G_MAXINT - 1);
          ck_assert (g_key_file_save_to_file (keys, path, NULL));
        }
  }
  list = cord_recovery_list ();
  ck_assert_uint_eq (list->len, 1);
  info = g_ptr_array_index (list, 0);
  ck_assert_str_eq (info->title, "Untitled Lab");
  ck_assert (info->original == NULL);

  restored = cord_document_new ();
  cord_document_restore_async (restored, info, NULL, store_result, &result);
  ck_assert_msg (cord_document_restore_finish (restored, wait_result (&result), &error),
                 "%s", error ? error->message : "");
  ck_assert (cord_topology_find_device (cord_document_get_topology (restored), "R9") != NULL);
  ck_assert (cord_document_get_modified (restored));
  ck_assert (cord_document_get_file (restored) == NULL);

  /* Closing cleanly removes the copies. */
  cord_document_close (doc);
  cord_document_close (restored);
  ck_assert_uint_eq (count_files (dir, ".ini"), 0);
  ck_assert_uint_eq (count_files (dir, ".pclab"), 0);
}
END_TEST

/* A window a test made, destroyed after it even when the test fails. */
static GtkWidget *test_window;

static void
window_teardown (void)
{
  if (test_window != NULL)
    gtk_window_destroy (GTK_WINDOW (test_window));
  test_window = NULL;
}

/* CordPalette. */

static GtkWidget *
find_flow_box (GtkWidget *widget)
{
  if (GTK_IS_FLOW_BOX (widget))
    return widget;
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = find_flow_box (c);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static GtkWidget *
flow_child (CordPalette *palette,
            guint        index)
{
  GtkWidget *box = find_flow_box (GTK_WIDGET (palette));

  ck_assert (box != NULL);
  return (GtkWidget *) gtk_flow_box_get_child_at_index (GTK_FLOW_BOX (box), index);
}

static guint
count_children (CordPalette *palette)
{
  guint n = 0;

  while (flow_child (palette, n) != NULL)
    n++;
  return n;
}

static void
on_model_chosen (CordPalette *palette,
                 const char  *model,
                 char       **slot)
{
  g_free (*slot);
  *slot = g_strdup (model);
}

static void
on_cable_chosen (CordPalette *palette,
                 int          cable,
                 int         *slot)
{
  *slot = cable;
}

START_TEST (test_palette_describe)
{
  CordCatalog *catalog = cord_catalog_get_default ();
  g_autofree char *s2960 = cord_palette_describe_model (cord_catalog_lookup_model (catalog, "2960-24TT"));
  g_autofree char *s1841 = cord_palette_describe_model (cord_catalog_lookup_model (catalog, "1841"));
  g_autofree char *pc = cord_palette_describe_model (cord_catalog_lookup_model (catalog, "PC-PT"));

  ck_assert_str_eq (s2960, "2960-24TT — 24 FastEthernet + 2 GigabitEthernet ports");
  ck_assert_str_eq (s1841, "1841 — 2 FastEthernet ports, 2 empty module bays");
  ck_assert_str_eq (pc, "PC-PT — 1 FastEthernet port");
}
END_TEST

START_TEST (test_palette_categories)
{
  GtkWidget *window = test_window = gtk_window_new ();
  CordPalette *palette = CORD_PALETTE (cord_palette_new ());
  CordCatalog *catalog = cord_catalog_get_default ();
  g_autofree char *model = NULL;
  int cable = -1;
  guint expected[4] = { 0 };
  GtkWidget *child;

  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (palette));
  g_signal_connect (palette, "model-chosen", G_CALLBACK (on_model_chosen), &model);
  g_signal_connect (palette, "cable-chosen", G_CALLBACK (on_cable_chosen), &cable);
  for (guint i = 0; i < cord_catalog_get_n_models (catalog); i++)
    expected[cord_catalog_get_model (catalog, i)->category]++;

  ck_assert_int_eq (cord_palette_get_category (palette), CORD_PALETTE_ROUTERS);
  for (CordPaletteCategory c = CORD_PALETTE_ROUTERS; c <= CORD_PALETTE_END_DEVICES; c++)
    {
      cord_palette_set_category (palette, c);
      ck_assert_int_eq (cord_palette_get_category (palette), c);
      ck_assert_uint_eq (count_children (palette), expected[c]);
    }
  ck_assert_uint_eq (expected[CORD_PALETTE_ROUTERS], 8);

  /* Choosing a switch names it and says what it is. */
  cord_palette_set_category (palette, CORD_PALETTE_SWITCHES);
  for (guint i = 0; (child = flow_child (palette, i)) != NULL; i++)
    if (g_strcmp0 (g_object_get_data (G_OBJECT (child), "model"), "2960-24TT") == 0)
      g_signal_emit_by_name (gtk_widget_get_parent (child), "child-activated", child);
  ck_assert_str_eq (model, "2960-24TT");
  ck_assert_str_eq (cord_palette_get_status (palette),
                    "2960-24TT — 24 FastEthernet + 2 GigabitEthernet ports");
  cord_palette_unselect (palette);
  ck_assert (g_str_has_prefix (cord_palette_get_status (palette), "Choose a device"));

  /* Connections: the seven cables of Packet Tracer's box. */
  cord_palette_set_category (palette, CORD_PALETTE_CONNECTIONS);
  ck_assert_uint_eq (count_children (palette), 7);
  child = flow_child (palette, 3);
  g_signal_emit_by_name (gtk_widget_get_parent (child), "child-activated", child);
  ck_assert_int_eq (cable, CORD_CABLE_CROSS);
  ck_assert (g_str_has_prefix (cord_palette_get_status (palette), "Copper Cross-Over — "));

  /* Other: the cloud says it is not there yet and chooses nothing. */
  g_clear_pointer (&model, g_free);
  cable = -1;
  cord_palette_set_category (palette, CORD_PALETTE_OTHER);
  ck_assert_uint_eq (count_children (palette), 1);
  child = flow_child (palette, 0);
  g_signal_emit_by_name (gtk_widget_get_parent (child), "child-activated", child);
  ck_assert (model == NULL);
  ck_assert_int_eq (cable, -1);
  ck_assert (strstr (cord_palette_get_status (palette), "not simulated yet") != NULL);
  ck_assert (!gtk_widget_get_sensitive (gtk_flow_box_child_get_child (GTK_FLOW_BOX_CHILD (child))));
}
END_TEST

/* CordWindow, in this process. */

static gboolean
window_idle (gpointer data)
{
  CordWindow *window = data;

  return !window->loading && window->busy_count == 0;
}

static gboolean
action_enabled (CordWindow *window,
                const char *name)
{
  return g_action_group_get_action_enabled (G_ACTION_GROUP (window), name);
}

START_TEST (test_window_actions)
{
  CordWindow *window = cord_window_new (NULL);
  CordTopology *topology = cord_document_get_topology (cord_window_get_document (window));

  test_window = GTK_WIDGET (window);
  gtk_window_present (GTK_WINDOW (window));
  ck_assert (cord_window_is_untouched (window));
  ck_assert_str_eq (gtk_window_get_title (GTK_WINDOW (window)), "Untitled Lab");
  ck_assert (!action_enabled (window, "undo"));
  ck_assert (!action_enabled (window, "redo"));
  ck_assert (!action_enabled (window, "delete"));
  ck_assert (!action_enabled (window, "export"));
  ck_assert (action_enabled (window, "save"));
  ck_assert_str_eq (gtk_widget_get_tooltip_text (window->undo_button), "Undo (Ctrl+Z)");

  ck_assert (cord_topology_add_device (topology, "2811", NULL, 100, 100, NULL) != NULL);
  ck_assert (action_enabled (window, "undo"));
  ck_assert (action_enabled (window, "export"));
  ck_assert_str_eq (gtk_widget_get_tooltip_text (window->undo_button), "Undo Add Device (Ctrl+Z)");
  ck_assert_str_eq (gtk_window_get_title (GTK_WINDOW (window)), "• Untitled Lab");
  ck_assert (!gtk_widget_get_visible (window->empty_hint));

  g_action_group_activate_action (G_ACTION_GROUP (window), "select-all", NULL);
  ck_assert (action_enabled (window, "delete"));
  g_action_group_activate_action (G_ACTION_GROUP (window), "delete", NULL);
  ck_assert_uint_eq (cord_topology_get_n_devices (topology), 0);
  ck_assert (gtk_widget_get_visible (window->empty_hint));

  g_action_group_activate_action (G_ACTION_GROUP (window), "undo", NULL);
  ck_assert_uint_eq (cord_topology_get_n_devices (topology), 1);
  ck_assert (action_enabled (window, "redo"));
  ck_assert (g_str_has_prefix (gtk_widget_get_tooltip_text (window->redo_button), "Redo "));
  g_action_group_activate_action (G_ACTION_GROUP (window), "undo", NULL);
  ck_assert_uint_eq (cord_topology_get_n_devices (topology), 0);
  ck_assert_str_eq (gtk_window_get_title (GTK_WINDOW (window)), "Untitled Lab");

  /* Zooming reaches the canvas and the label follows it. */
  {
    double zoom = cord_canvas_get_zoom (window->canvas);
    g_autofree char *label = NULL;

    g_action_group_activate_action (G_ACTION_GROUP (window), "zoom-in", NULL);
    ck_assert (cord_canvas_get_zoom (window->canvas) > zoom);
    label = g_strdup_printf ("%.0f%%", cord_canvas_get_zoom (window->canvas) * 100);
    ck_assert_str_eq (gtk_label_get_text (window->zoom_label), label);
  }

  /* Choosing in the palette sets the canvas tool. */
  g_signal_emit_by_name (window->palette, "model-chosen", "2960-24TT");
  ck_assert_int_eq (cord_canvas_get_tool (window->canvas), CORD_CANVAS_TOOL_PLACE);
  g_signal_emit_by_name (window->palette, "cable-chosen", (int) CORD_CABLE_SERIAL_DCE);
  ck_assert_int_eq (cord_canvas_get_tool (window->canvas), CORD_CANVAS_TOOL_CONNECT);
}
END_TEST

START_TEST (test_window_open_error)
{
  CordWindow *window = cord_window_new (NULL);
  g_autofree char *dir = g_dir_make_tmp ("patchcord-win-XXXXXX", NULL);
  g_autofree char *bad = g_build_filename (dir, "broken.pclab", NULL);
  g_autofree char *where = g_strdup_printf ("%s:3:", bad);
  g_autoptr(GFile) file = g_file_new_for_path (bad);

  ck_assert (g_file_set_contents (bad, "<?xml version=\"1.0\"?>\n<patchcord-lab version=\"1\">\n", -1, NULL));
  test_window = GTK_WIDGET (window);
  gtk_window_present (GTK_WINDOW (window));
  cord_window_open (window, file);
  ck_assert (!cord_window_is_untouched (window));
  ck_assert (wait_until (window_idle, window, TIMEOUT_MS));

  ck_assert (gtk_info_bar_get_revealed (window->info_bar));
  ck_assert_str_eq (gtk_label_get_text (window->info_title), "Could not open “broken.pclab”");
  ck_assert_msg (g_str_has_prefix (gtk_label_get_text (window->info_detail), where),
                 "the banner says “%s”", gtk_label_get_text (window->info_detail));
  ck_assert_str_eq (gtk_window_get_title (GTK_WINDOW (window)), "Untitled Lab");
  ck_assert (cord_window_is_untouched (window));

  /* A good lab afterwards clears the banner. */
  {
    g_autofree char *lab = sample_lab ();
    g_autoptr(GFile) good = g_file_new_for_path (lab);

    cord_window_open (window, good);
    ck_assert (wait_until (window_idle, window, TIMEOUT_MS));
    ck_assert (!gtk_info_bar_get_revealed (window->info_bar));
    ck_assert_str_eq (gtk_window_get_title (GTK_WINDOW (window)), "vlan-router-on-a-stick.pclab");
    ck_assert (gtk_widget_get_visible (GTK_WIDGET (window->subtitle_label)));
    ck_assert (action_enabled (window, "export"));
  }

  cord_test_remove_tree (dir);
}
END_TEST

static void
check_export (CordWindow *window,
              const char *path,
              const char *magic)
{
  g_autofree char *contents = NULL;
  gsize len = 0;

  _cord_window_export (window, path);
  ck_assert (!action_enabled (window, "export"));
  ck_assert (wait_until (window_idle, window, TIMEOUT_MS));
  ck_assert_msg (!gtk_info_bar_get_revealed (window->info_bar), "%s",
                 gtk_label_get_text (window->info_title));
  ck_assert (g_file_get_contents (path, &contents, &len, NULL));
  ck_assert_msg (len > 1000, "%s has only %" G_GSIZE_FORMAT " bytes", path, len);
  ck_assert_msg (memmem (contents, MIN (len, 512), magic, strlen (magic)) != NULL,
                 "%s does not start like a %s file", path, magic);
}

START_TEST (test_window_export)
{
  CordWindow *window = cord_window_new (NULL);
  g_autofree char *dir = g_dir_make_tmp ("patchcord-export-XXXXXX", NULL);
  g_autofree char *png = g_build_filename (dir, "lab.png", NULL);
  g_autofree char *svg = g_build_filename (dir, "lab.svg", NULL);
  g_autofree char *pdf = g_build_filename (dir, "lab.pdf", NULL);
  g_autofree char *nowhere = g_build_filename (dir, "missing", "lab.png", NULL);
  g_autofree char *lab = sample_lab ();
  g_autoptr(GFile) file = g_file_new_for_path (lab);
  g_autoptr(GdkPixbuf) pixbuf = NULL;
  graphene_rect_t extents;

  test_window = GTK_WIDGET (window);
  gtk_window_present (GTK_WINDOW (window));
  cord_window_open (window, file);
  ck_assert (wait_until (window_idle, window, TIMEOUT_MS));

  check_export (window, png, "\x89PNG");
  check_export (window, svg, "<svg");
  check_export (window, pdf, "%PDF");

  /* The PNG holds the whole lab at twice its size. */
  cord_canvas_get_lab_extents (window->canvas, &extents);
  pixbuf = gdk_pixbuf_new_from_file (png, NULL);
  ck_assert (pixbuf != NULL);
  ck_assert_int_eq (gdk_pixbuf_get_width (pixbuf), (int) (extents.size.width * 2));
  ck_assert_int_eq (gdk_pixbuf_get_height (pixbuf), (int) (extents.size.height * 2));

  /* A folder that is not there: a banner, and no crash. */
  _cord_window_export (window, nowhere);
  ck_assert (wait_until (window_idle, window, TIMEOUT_MS));
  ck_assert (gtk_info_bar_get_revealed (window->info_bar));
  ck_assert_str_eq (gtk_label_get_text (window->info_title), "Could not export “lab.png”");

  cord_test_remove_tree (dir);
}
END_TEST

START_TEST (test_app_edit_save_undo)
{
  g_autofree char *sample = sample_lab ();
  g_autofree char *original = read_file (sample);
  g_autofree char *wid = NULL;
  g_autofree char *saved = NULL;
  guint64 inode;

  app_start (app.lab, FALSE);
  wid = wait_window ("^lab\\.pclab$");
  focus (wid);

  /* Select everything and delete it, by keyboard: the title says the lab
   * is modified, and Ctrl+S writes a lab without devices. */
  key_until_window (wid, "ctrl+a Delete", "^• lab\\.pclab$");
  inode = inode_of (app.lab);
  key ("ctrl+s");
  wait_replaced (app.lab, inode);
  g_free (wait_window ("^lab\\.pclab$"));
  saved = read_file (app.lab);
  ck_assert_msg (strstr (saved, "<device") == NULL, "the devices were saved:\n%s", saved);
  g_clear_pointer (&saved, g_free);

  /* Undo brings them back; saving again gives the original bytes. */
  key ("ctrl+z");
  g_free (wait_window ("^• lab\\.pclab$"));
  inode = inode_of (app.lab);
  key ("ctrl+s");
  wait_replaced (app.lab, inode);
  saved = read_file (app.lab);
  ck_assert_str_eq (saved, original);

  key ("ctrl+q");
  ck_assert_int_eq (app_wait_exit (TIMEOUT_MS), 0);

  /* The lab is among the recent files of this home only. */
  {
    g_autofree char *xbel = g_build_filename (app.dir, "data", "recently-used.xbel", NULL);
    LogHas l = { xbel, "lab.pclab" };

    ck_assert_msg (wait_until (log_has, &l, TIMEOUT_MS), "%s does not list the lab", xbel);
  }
}
END_TEST

START_TEST (test_app_new_quit_no_prompt)
{
  g_autofree char *wid = NULL;
  g_autofree char *empty = NULL;
  g_autofree char *windows = NULL;
  g_autofree char *shortcuts = NULL;
  guint64 inode = inode_of (app.lab);

  app_start (app.lab, FALSE);
  wid = wait_window ("^lab\\.pclab$");
  focus (wid);
  key ("ctrl+n");
  empty = wait_window ("^Untitled Lab$");
  focus (empty);
  /* A second Ctrl+N reuses the untouched window. */
  key ("ctrl+n");
  windows = xdotool ("search --onlyvisible --name '^Untitled Lab$'");
  ck_assert_str_eq (windows, empty);

  /* Ctrl+? shows the shortcuts, and Escape closes them. */
  key ("ctrl+question");
  shortcuts = wait_window ("^Keyboard Shortcuts$");
  focus (shortcuts);
  key ("Escape");
  focus (empty);

  key ("ctrl+q");
  ck_assert_int_eq (app_wait_exit (TIMEOUT_MS), 0);
  ck_assert_uint_eq (inode_of (app.lab), inode);
}
END_TEST

START_TEST (test_app_close_asks)
{
  g_autofree char *sample = sample_lab ();
  g_autofree char *original = read_file (sample);
  g_autofree char *wid = NULL;
  g_autofree char *dialog = NULL;
  g_autofree char *after = NULL;
  g_autofree char *still = NULL;
  guint64 inode = inode_of (app.lab);

  app_start (app.lab, FALSE);
  wid = wait_window ("^lab\\.pclab$");
  focus (wid);
  key ("ctrl+a Delete");
  g_free (wait_window ("^• lab\\.pclab$"));

  /* Cancel keeps the window and its changes. */
  key ("ctrl+w");
  dialog = wait_window ("^Unsaved Changes$");
  focus (dialog);
  key ("Escape");
  still = wait_window ("^• lab\\.pclab$");
  ck_assert_str_eq (still, wid);
  g_clear_pointer (&dialog, g_free);

  /* Discard closes without writing anything. */
  focus (wid);
  key ("ctrl+w");
  dialog = wait_window ("^Unsaved Changes$");
  focus (dialog);
  key ("alt+d");
  ck_assert_int_eq (app_wait_exit (TIMEOUT_MS), 0);
  after = read_file (app.lab);
  ck_assert_str_eq (after, original);
  ck_assert_uint_eq (inode_of (app.lab), inode);
}
END_TEST

START_TEST (test_app_quit_asks)
{
  g_autofree char *wid = NULL;
  g_autofree char *dialog = NULL;
  g_autofree char *saved = NULL;
  g_autofree char *second = g_build_filename (app.dir, "second.pclab", NULL);
  guint64 inode = inode_of (app.lab);

  /* Two labs, one of them changed: Quit asks about that one only. */
  copy_file (app.lab, second);
  app_start_two (app.lab, second);
  g_free (wait_window ("^second\\.pclab$"));
  wid = wait_window ("^lab\\.pclab$");
  focus (wid);
  key ("ctrl+a Delete");
  g_free (wait_window ("^• lab\\.pclab$"));

  /* Cancel stops quitting. */
  key ("ctrl+q");
  dialog = wait_window ("^Unsaved Changes$");
  focus (dialog);
  key ("Escape");
  g_free (wait_window ("^• lab\\.pclab$"));
  ck_assert (!app_exited (app.app));
  g_clear_pointer (&dialog, g_free);

  /* Save writes the lab, then Patchcord quits. */
  focus (wid);
  key ("ctrl+q");
  dialog = wait_window ("^Unsaved Changes$");
  focus (dialog);
  key ("alt+s");
  ck_assert_int_eq (app_wait_exit (TIMEOUT_MS), 0);
  ck_assert (inode_of (app.lab) != inode);
  saved = read_file (app.lab);
  ck_assert (strstr (saved, "<device") == NULL);
}
END_TEST

START_TEST (test_app_palette_places)
{
  g_autofree char *wid = NULL;
  g_autofree char *saved = NULL;
  int width, height, row;
  guint64 inode = inode_of (app.lab);

  app_start (app.lab, FALSE);
  wid = wait_window ("^lab\\.pclab$");
  focus (wid);
  window_size (wid, &width, &height);
  row = height - 97;

  /* Click the first router (1841), then click the canvas: one is placed. */
  pointer ("mousemove --window %s 45 %d click 1", wid, row);
  pointer ("mousemove --window %s %d 120 click 1", wid, width - 150);
  g_free (wait_window ("^• lab\\.pclab$"));

  /* Drag the second (1941) onto the canvas: another. */
  pointer ("mousemove --window %s 116 %d", wid, row);
  pointer ("mousedown 1");
  for (int i = 1; i <= 6; i++)
    pointer ("mousemove --window %s %d %d", wid, 116 + i * (width - 266) / 6, row - i * (row - 300) / 6);
  pointer ("mouseup 1");

  focus (wid);
  key ("ctrl+s");
  wait_replaced (app.lab, inode);
  saved = read_file (app.lab);
  ck_assert_msg (strstr (saved, "model=\"1941\"") != NULL, "the dragged router is not in the lab");
  /* The sample lab has one 1841 (R1); the click placed a second one. */
  ck_assert_msg (strstr (strstr (saved, "model=\"1841\"") + 1, "model=\"1841\"") != NULL,
                 "the clicked router is not in the lab");

  key ("ctrl+q");
  ck_assert_int_eq (app_wait_exit (TIMEOUT_MS), 0);
}
END_TEST

typedef struct {
  const char *dir;
  guint       n;
} Count;

static gboolean
has_recovery (gpointer data)
{
  Count *c = data;

  return count_files (c->dir, ".ini") >= c->n && count_files (c->dir, ".pclab") >= c->n;
}

START_TEST (test_app_recovery)
{
  g_autofree char *recovery = g_build_filename (app.dir, "state", "patchcord", "recovery", NULL);
  g_autofree char *wid = NULL;
  g_autofree char *dialog = NULL;
  g_autofree char *saved = NULL;
  Count count = { recovery, 1 };
  guint64 inode = inode_of (app.lab);

  app_start (app.lab, TRUE);
  wid = wait_window ("^lab\\.pclab$");
  focus (wid);
  key ("ctrl+a Delete");
  g_free (wait_window ("^• lab\\.pclab$"));
  ck_assert_msg (wait_until (has_recovery, &count, TIMEOUT_MS), "no recovery copy in %s", recovery);

  /* Killed: the lab itself is untouched and the copy stays. */
  g_subprocess_send_signal (app.app, SIGKILL);
  ck_assert (wait_until (app_exited, app.app, TIMEOUT_MS));
  ck_assert (g_subprocess_get_if_signaled (app.app));
  g_clear_object (&app.app);
  ck_assert_uint_eq (inode_of (app.lab), inode);
  ck_assert_uint_eq (count_files (recovery, ".ini"), 1);

  /* The next start offers it; Restore opens the edited lab, unsaved. */
  app_start (NULL, FALSE);
  dialog = wait_window ("^Restore Unsaved Labs$");
  focus (dialog);
  key ("alt+r");
  g_free (wid);
  wid = wait_window ("^• lab\\.pclab$");
  focus (wid);
  key ("ctrl+s");
  wait_replaced (app.lab, inode);
  saved = read_file (app.lab);
  ck_assert_msg (strstr (saved, "<device") == NULL, "the restored lab still has devices");
  g_free (wait_window ("^lab\\.pclab$"));
  ck_assert_uint_eq (count_files (recovery, ".ini"), 0);
  ck_assert_uint_eq (count_files (recovery, ".pclab"), 0);

  key ("ctrl+q");
  ck_assert_int_eq (app_wait_exit (TIMEOUT_MS), 0);
}
END_TEST

START_TEST (test_app_bad_lab)
{
  g_autofree char *bad = g_build_filename (app.dir, "bad.pclab", NULL);
  g_autofree char *where = g_strdup_printf ("%s:3:", bad);
  g_autofree char *wid = NULL;
  LogHas l = { app.log, where };

  ck_assert (g_file_set_contents (bad, "<?xml version=\"1.0\"?>\n<patchcord-lab version=\"1\">\n"
                                       "  <device name=\"R1\" model=\"NoSuchModel\" x=\"1\" y=\"2\"/>\n"
                                       "</patchcord-lab>\n", -1, NULL));
  app_start (bad, FALSE);
  wid = wait_window ("^Untitled Lab$");
  ck_assert_msg (wait_until (log_has, &l, TIMEOUT_MS), "the error does not name %s", where);
  ck_assert (!app_exited (app.app));
  focus (wid);
  key ("ctrl+q");
  ck_assert_int_eq (app_wait_exit (TIMEOUT_MS), 0);
}
END_TEST

typedef struct {
  const char *path;
} Shot;

/* Whether the screenshot shows a drawn window with the lab rather than an
 * empty screen or an empty lab: the palette's routers are blue, and the
 * lab's three switches and link lights are green (an empty lab shows
 * under 200 green pixels, the sample lab over 2000). */
static gboolean
screenshot_drawn (gpointer data)
{
  Shot *shot = data;
  g_autofree char *command = g_strdup_printf ("import -window root %s", shot->path);
  g_autoptr(GdkPixbuf) pixbuf = NULL;
  guint blue = 0, green = 0;
  const guint8 *pixels;
  int stride, channels;

  if (!g_spawn_command_line_sync (command, NULL, NULL, NULL, NULL)
      || (pixbuf = gdk_pixbuf_new_from_file (shot->path, NULL)) == NULL)
    return FALSE;
  pixels = gdk_pixbuf_read_pixels (pixbuf);
  stride = gdk_pixbuf_get_rowstride (pixbuf);
  channels = gdk_pixbuf_get_n_channels (pixbuf);
  for (int y = 0; y < gdk_pixbuf_get_height (pixbuf); y++)
    for (int x = 0; x < gdk_pixbuf_get_width (pixbuf); x++)
      {
        const guint8 *p = pixels + y * stride + x * channels;

        if (p[2] > 150 && p[0] < 80 && p[1] < 140)
          blue++;
        if (p[1] > 120 && p[0] < 80 && p[2] < 130)
          green++;
      }
  return blue > 200 && green > 1000;
}

START_TEST (test_app_screenshot)
{
  const char *out = g_getenv ("PATCHCORD_SCREENSHOT");
  g_autofree char *path = g_strdup (out != NULL ? out : "/tmp/patchcord-window.png");
  g_autofree char *sample = sample_lab ();
  g_autofree char *wid = NULL;
  Shot shot = { path };

  if (g_find_program_in_path ("import") == NULL)
    return;
  app_start (sample, FALSE);
  wid = wait_window ("^vlan-router-on-a-stick\\.pclab$");
  ck_assert_msg (wait_until (screenshot_drawn, &shot, TIMEOUT_MS), "the window in %s shows no lab", path);
  focus (wid);
  key ("ctrl+q");
  ck_assert_int_eq (app_wait_exit (TIMEOUT_MS), 0);
}
END_TEST

/* Connecting in the real window: the app writes where its devices,
 * palette items and port rows are (PATCHCORD_TEST_GEOMETRY), in pixels
 * from its window's corner. */

static const char connect_lab[] =
  "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
  "<patchcord-lab version=\"1\">\n"
  "  <device name=\"PC0\" model=\"PC-PT\" x=\"100\" y=\"300\" power=\"on\">\n"
  "    <module slot=\"0\" name=\"PT-HOST-NM-1CFE\"/>\n"
  "  </device>\n"
  "  <device name=\"S1\" model=\"2960-24TT\" x=\"500\" y=\"100\" power=\"on\"/>\n"
  "  <device name=\"PC1\" model=\"PC-PT\" x=\"500\" y=\"420\" power=\"on\">\n"
  "    <module slot=\"0\" name=\"PT-HOST-NM-1CFE\"/>\n"
  "  </device>\n"
  "</patchcord-lab>\n";

static const char pc0_fa0[] = "<end device=\"PC0\" port=\"FastEthernet0\"/>";

START_TEST (test_app_connect_popup_undo)
{
  g_autofree char *wid = NULL;
  g_autofree char *saved = NULL;
  Item rs232;

  ck_assert (g_file_set_contents (app.lab, connect_lab, -1, NULL));
  app_start (app.lab, FALSE);
  wid = wait_window ("^lab\\.pclab$");
  focus (wid);

  choose_cable (wid, "straight");
  click_item (wid, "DEVICE", "PC0");
  /* A copper cable does not fit the RS 232 port: listed, disabled. */
  rs232 = wait_item ("PORT", "RS 232");
  ck_assert (!rs232.sensitive);
  ck_assert (wait_item ("PORT", "FastEthernet0").sensitive);
  click_item (wid, "PORT", "FastEthernet0");
  click_item (wid, "DEVICE", "S1");
  ck_assert (wait_item ("PORT", "FastEthernet0/3").sensitive);
  click_item (wid, "PORT", "FastEthernet0/3");
  g_free (wait_window ("^• lab\\.pclab$"));

  saved = save_lab ();
  ck_assert_msg (strstr (saved, "<link cable=\"straight\">") != NULL && strstr (saved, pc0_fa0) != NULL
                 && strstr (saved, "<end device=\"S1\" port=\"FastEthernet0/3\"/>") != NULL,
                 "the link is not in the lab:\n%s", saved);
  g_clear_pointer (&saved, g_free);

  key ("ctrl+z");
  g_free (wait_window ("^• lab\\.pclab$"));
  saved = save_lab ();
  ck_assert_msg (strstr (saved, "<link") == NULL, "undo left the link:\n%s", saved);
  g_clear_pointer (&saved, g_free);

  key ("ctrl+shift+z");
  g_free (wait_window ("^• lab\\.pclab$"));
  saved = save_lab ();
  ck_assert_msg (strstr (saved, pc0_fa0) != NULL, "redo did not bring the link back:\n%s", saved);

  key ("ctrl+q");
  ck_assert_int_eq (app_wait_exit (TIMEOUT_MS), 0);
}
END_TEST

START_TEST (test_app_connect_automatic)
{
  g_autofree char *wid = NULL;
  g_autofree char *saved = NULL;

  ck_assert (g_file_set_contents (app.lab, connect_lab, -1, NULL));
  app_start (app.lab, FALSE);
  wid = wait_window ("^lab\\.pclab$");
  focus (wid);

  /* Two clicks, no popup: PC to switch takes a straight-through cable
   * between the first free ports. */
  choose_cable (wid, "auto");
  click_item (wid, "DEVICE", "PC0");
  click_item (wid, "DEVICE", "S1");
  g_free (wait_window ("^• lab\\.pclab$"));
  /* The tool went back to selecting; choose it again for a second one. */
  choose_cable (wid, "auto");
  click_item (wid, "DEVICE", "S1");
  click_item (wid, "DEVICE", "PC1");

  saved = save_lab ();
  ck_assert_msg (strstr (saved, "<link cable=\"straight\">\n    " "<end device=\"PC0\" port=\"FastEthernet0\"/>\n"
                                "    <end device=\"S1\" port=\"FastEthernet0/1\"/>") != NULL,
                 "PC0 and S1 are not linked by their first free ports:\n%s", saved);
  ck_assert_msg (strstr (saved, "<end device=\"S1\" port=\"FastEthernet0/2\"/>\n"
                                "    <end device=\"PC1\" port=\"FastEthernet0\"/>") != NULL,
                 "S1 and PC1 are not linked by their first free ports:\n%s", saved);

  key ("ctrl+q");
  ck_assert_int_eq (app_wait_exit (TIMEOUT_MS), 0);
}
END_TEST

START_TEST (test_app_screenshot_devices)
{
  const char *names[] = { "PC0", "S1", "PC1" };
  const char *out = g_getenv ("PATCHCORD_DEVICES_SCREENSHOT");
  g_autofree char *path = g_strdup (out != NULL ? out : "/tmp/patchcord-devices.png");
  g_autofree char *command = g_strdup_printf ("import -window root %s", path);
  g_autofree char *wid = NULL;
  g_autoptr(GdkPixbuf) pixbuf = NULL;
  double cx = 0, cy = 0, w = 0, h = 0;
  int wx, wy;
  guint control;

  if (g_find_program_in_path ("import") == NULL)
    return;
  ck_assert (g_file_set_contents (app.lab, connect_lab, -1, NULL));
  app_start (app.lab, FALSE);
  wid = wait_window ("^lab\\.pclab$");
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    wait_item ("DEVICE", names[i]);
  /* The pointer out of the way (no hover, no tooltip), and a few frames
   * for the icons to rasterise and show. */
  pointer ("mousemove 1279 799");
  g_usleep (500 * 1000);
  window_position (wid, &wx, &wy);
  ck_assert (g_spawn_command_line_sync (command, NULL, NULL, NULL, NULL));
  pixbuf = gdk_pixbuf_new_from_file (path, NULL);
  ck_assert_msg (pixbuf != NULL, "no screenshot in %s", path);

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      Item d = wait_item ("DEVICE", names[i]);
      double area = (d.box[2] - d.box[0]) * (d.box[3] - d.box[1]);
      guint ink = count_ink (pixbuf, wx + d.box[0], wy + d.box[1], wx + d.box[2], wy + d.box[3]);

      ck_assert_msg (area >= 400, "%s's icon box is %.0f px²", names[i], area);
      ck_assert_msg (ink > area / 10, "%s's icon box in %s has %u drawn pixels of %.0f",
                     names[i], path, ink, area);
      cx += d.x / G_N_ELEMENTS (names);
      cy += d.y / G_N_ELEMENTS (names);
      w = d.box[2] - d.box[0];
      h = d.box[3] - d.box[1];
    }
  /* The same test on empty canvas between the devices finds nothing, so
   * the count above means icons. */
  control = count_ink (pixbuf, wx + cx - w / 2, wy + cy - h / 2, wx + cx + w / 2, wy + cy + h / 2);
  ck_assert_msg (control < w * h / 50, "empty canvas has %u drawn pixels in %s", control, path);

  focus (wid);
  key ("ctrl+q");
  ck_assert_int_eq (app_wait_exit (TIMEOUT_MS), 0);
}
END_TEST

static Suite *
gui_suite (void)
{
  Suite *suite = suite_create ("gui");
  TCase *tc;

  tc = tcase_create ("document");
  tcase_add_checked_fixture (tc, document_setup, NULL);
  tcase_set_timeout (tc, 60);
  tcase_add_test (tc, test_document_new);
  tcase_add_test (tc, test_document_load_and_save);
  tcase_add_test (tc, test_document_load_error);
  tcase_add_test (tc, test_document_autosave);
  suite_add_tcase (suite, tc);

  tc = tcase_create ("palette");
  tcase_add_checked_fixture (tc, NULL, window_teardown);
  tcase_add_test (tc, test_palette_describe);
  tcase_add_test (tc, test_palette_categories);
  suite_add_tcase (suite, tc);

  tc = tcase_create ("window");
  tcase_set_timeout (tc, 60);
  tcase_add_checked_fixture (tc, document_setup, window_teardown);
  tcase_add_test (tc, test_window_actions);
  tcase_add_test (tc, test_window_open_error);
  tcase_add_test (tc, test_window_export);
  suite_add_tcase (suite, tc);

  tc = tcase_create ("app");
  tcase_add_checked_fixture (tc, app_setup, app_teardown);
  tcase_set_timeout (tc, 120);
  tcase_add_test (tc, test_app_edit_save_undo);
  tcase_add_test (tc, test_app_new_quit_no_prompt);
  tcase_add_test (tc, test_app_close_asks);
  tcase_add_test (tc, test_app_quit_asks);
  tcase_add_test (tc, test_app_palette_places);
  tcase_add_test (tc, test_app_recovery);
  tcase_add_test (tc, test_app_bad_lab);
  tcase_add_test (tc, test_app_screenshot);
  tcase_add_test (tc, test_app_connect_popup_undo);
  tcase_add_test (tc, test_app_connect_automatic);
  tcase_add_test (tc, test_app_screenshot_devices);
  suite_add_tcase (suite, tc);
  return suite;
}

int
main (void)
{
  if (!cord_test_gtk_init ("gui"))
    return 77;
  return cord_test_gtk_run (gui_suite ());
}
