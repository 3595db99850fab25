/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Helpers the GTK suites share: running a suite with a display, the main loop, waiting for a widget to draw, terminal text and widget screenshots. */
#pragma once

#include <check.h>
#include <string.h>
#include <gtk/gtk.h>
#include <glib/gstdio.h>
#include <vte/vte.h>

/* Removes @path and everything below it. */
static inline void
cord_test_remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
        cord_test_remove_tree (child);
      else
        g_unlink (child);
    }
  g_rmdir (path);
}

/* This process's XDG_STATE_HOME (recovery copies), made by
 * cord_test_gtk_init() and removed by cord_test_gtk_run(). */
static char *cord_test_state_home G_GNUC_UNUSED;

/* Readies GTK for the suite @name: no accessibility bus, a state folder
 * of its own. FALSE, saying so, when there is no display: the suite then
 * returns 77, meson's "skipped". */
static inline gboolean
cord_test_gtk_init (const char *name)
{
  g_autofree char *template = g_strdup_printf ("patchcord-%s-XXXXXX", name);

  cord_test_state_home = g_dir_make_tmp (template, NULL);
  g_setenv ("XDG_STATE_HOME", cord_test_state_home, TRUE);
  g_setenv ("GTK_A11Y", "none", TRUE);
  if (gtk_init_check ())
    return TRUE;
  g_printerr ("No display: the %s suite needs one (./run test uses Xvfb)\n", name);
  cord_test_remove_tree (cord_test_state_home);
  g_clear_pointer (&cord_test_state_home, g_free);
  return FALSE;
}

/* Runs @suite in this process (GTK's display connection does not survive
 * a fork), removes the state folder, and returns the exit status. */
static inline int
cord_test_gtk_run (Suite *suite)
{
  SRunner *runner = srunner_create (suite);
  int failed;

  srunner_set_fork_status (runner, CK_NOFORK);
  srunner_run_all (runner, CK_NORMAL);
  failed = srunner_ntests_failed (runner);
  srunner_free (runner);
  if (cord_test_state_home != NULL)
    cord_test_remove_tree (cord_test_state_home);
  g_clear_pointer (&cord_test_state_home, g_free);
  return failed == 0 ? 0 : 1;
}

/* Runs the main context until it has nothing pending. */
static inline void
cord_test_iterate (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static inline gboolean
cord_test_count_frame (GtkWidget     *widget,
                       GdkFrameClock *clock,
                       gpointer       data)
{
  (*(guint *) data)++;
  return G_SOURCE_CONTINUE;
}

/* Lets GTK map, lay out and paint @widget a few times; fails when it does
 * not map within five seconds. */
static inline void
cord_test_settle (GtkWidget *widget)
{
  guint frames = 0;
  guint id;
  gint64 deadline = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;

  while (!gtk_widget_get_mapped (widget) && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, FALSE);
  ck_assert_msg (gtk_widget_get_mapped (widget), "the %s never mapped", G_OBJECT_TYPE_NAME (widget));
  id = gtk_widget_add_tick_callback (widget, cord_test_count_frame, &frames, NULL);
  gtk_widget_queue_draw (widget);
  while (frames < 3 && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, FALSE);
  gtk_widget_remove_tick_callback (widget, id);
  cord_test_iterate ();
}

/* The text on @terminal's screen; the caller frees it. */
static inline char *
cord_test_terminal_text (VteTerminal *terminal)
{
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  return vte_terminal_get_text (terminal, NULL, NULL, NULL);
  G_GNUC_END_IGNORE_DEPRECATIONS
}

/* VTE reads what it is fed in the main loop: the screen's text once it
 * shows @text, or as it is after five seconds. The caller frees it. */
static inline char *
cord_test_terminal_wait_text (VteTerminal *terminal,
                              const char  *text)
{
  gint64 deadline = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;
  char *screen = NULL;

  for (;;)
    {
      cord_test_iterate ();
      g_free (screen);
      screen = cord_test_terminal_text (terminal);
      if (strstr (screen, text) != NULL || g_get_monotonic_time () > deadline)
        return screen;
      g_usleep (10 * 1000);
    }
}

/* Where a suite saves a picture for a person to look at: patchcord-NAME.png
 * in the folder PATCHCORD_SCREENSHOTS names, or in the temp folder. The
 * caller frees it. */
static inline char *
cord_test_screenshot_path (const char *name)
{
  const char *dir = g_getenv ("PATCHCORD_SCREENSHOTS");
  g_autofree char *file = g_strdup_printf ("patchcord-%s.png", name);

  return g_build_filename (dir != NULL ? dir : g_get_tmp_dir (), file, NULL);
}

/* Draws @widget as it is now with its window's renderer and saves it as a
 * PNG at @path. */
static inline void
cord_test_save_png (GtkWidget  *widget,
                    const char *path)
{
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  GtkNative *native = gtk_widget_get_native (widget);

  ck_assert_msg (native != NULL, "the %s for %s is in no window", G_OBJECT_TYPE_NAME (widget), path);
  gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (snapshot), width, height);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  ck_assert_msg (node != NULL, "the %s drew nothing for %s", G_OBJECT_TYPE_NAME (widget), path);
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (native), node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));
  ck_assert_msg (gdk_texture_save_to_png (texture, path), "cannot save %s", path);
}

static inline void
cord_test_set_flag (gpointer data)
{
  *(gboolean *) data = TRUE;
}

/* Only when PATCHCORD_SCREENSHOTS names a folder: lets @widget draw for a
 * moment and saves it there as patchcord-NAME.png, for a person to look at.
 * Callers start @name with their suite's name so that files stay apart. */
static inline void
cord_test_screenshot (GtkWidget  *widget,
                      const char *name)
{
  g_autofree char *path = NULL;

  if (g_getenv ("PATCHCORD_SCREENSHOTS") == NULL)
    return;
  cord_test_settle (widget);
  for (guint i = 0; i < 10; i++)
    {
      gboolean done = FALSE;

      g_timeout_add_once (30, cord_test_set_flag, &done);
      while (!done)
        g_main_context_iteration (NULL, TRUE);
    }
  path = cord_test_screenshot_path (name);
  cord_test_save_png (widget, path);
}
