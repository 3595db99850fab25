/* SPDX-License-Identifier: GPL-3.0-or-later */
/* CordWindow: shows one lab with its virtual clock, keeps its title and banners current, and asks before unsaved changes are lost. */
#include "config.h"

#include <glib/gi18n.h>

#include "cord-gui-resources.h"

#include "cord-application.h"
#include "cord-test-geometry.h"
#include "cord-canvas-private.h"     /* device geometry for the test hook */
#include "cord-device-window.h"
#include "cord-window-private.h"
#include "engine.h"

G_DEFINE_FINAL_TYPE (CordWindow, cord_window, GTK_TYPE_APPLICATION_WINDOW)

/* Progress shows only for work that takes long enough to notice. */
#define BUSY_REVEAL_DELAY_MS 150

static void cord_window_finish_close (CordWindow *self,
                                      gboolean    closed);

/* Title and state. */

static void
update_title (CordWindow *self)
{
  const char *title = cord_document_get_title (self->document);
  g_autofree char *folder = cord_document_dup_folder (self->document);
  g_autofree char *shown = NULL;

  if (cord_document_get_modified (self->document))
    /* Translators: the title of a lab with unsaved changes. */
    shown = g_strdup_printf (_("• %s"), title);
  else
    shown = g_strdup (title);
  gtk_label_set_text (self->title_label, shown);
  gtk_window_set_title (GTK_WINDOW (self), shown);
  gtk_label_set_text (self->subtitle_label, folder != NULL ? folder : "");
  gtk_widget_set_visible (GTK_WIDGET (self->subtitle_label), folder != NULL);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->title_label),
                               cord_document_get_modified (self->document)
                               ? _("This lab has unsaved changes") : NULL);
}

static void
update_empty_hint (CordWindow *self)
{
  gboolean empty = !self->loading && cord_topology_get_n_devices (self->topology) == 0
                   && cord_topology_get_n_notes (self->topology) == 0;

  gtk_widget_set_visible (self->empty_hint, empty);
}

static void
on_history_changed (CordWindow *self)
{
  /* A canvas error is about an edit that did not happen; the next one
   * that does makes it stale. */
  if (self->banner_transient)
    gtk_info_bar_set_revealed (self->info_bar, FALSE);
  update_empty_hint (self);
  _cord_window_update_actions (self);
}

static void
watch_topology (CordWindow *self)
{
  CordTopology *topology = cord_document_get_topology (self->document);

  if (topology == self->topology)
    return;
  if (self->topology != NULL)
    g_clear_signal_handler (&self->history_handler, self->topology);
  g_set_object (&self->topology, topology);
  self->history_handler = g_signal_connect_swapped (topology, "history-changed",
                                                    G_CALLBACK (on_history_changed), self);
  cord_canvas_set_lab (self->canvas, topology, cord_document_get_sim (self->document));
  update_empty_hint (self);
  _cord_window_update_actions (self);
}

static void
on_lights_changed (CordWindow *self)
{
  /* Lights are read from the sim as the canvas draws. */
  gtk_widget_queue_draw (GTK_WIDGET (self->canvas));
}

/* Progress. */

static gboolean
pulse_busy (gpointer data)
{
  CordWindow *self = data;

  gtk_progress_bar_pulse (self->busy_progress);
  return G_SOURCE_CONTINUE;
}

static gboolean
reveal_busy (gpointer data)
{
  CordWindow *self = data;

  self->reveal_source = 0;
  gtk_revealer_set_reveal_child (self->busy_revealer, TRUE);
  gtk_widget_set_visible (self->busy_spinner, TRUE);
  gtk_spinner_start (GTK_SPINNER (self->busy_spinner));
  if (self->pulse_source == 0)
    self->pulse_source = g_timeout_add (100, pulse_busy, self);
  return G_SOURCE_REMOVE;
}

void
_cord_window_begin_busy (CordWindow *self,
                         const char *message)
{
  g_assert (CORD_IS_WINDOW (self));

  gtk_label_set_text (self->busy_label, message);
  if (self->busy_count++ == 0)
    self->reveal_source = g_timeout_add (BUSY_REVEAL_DELAY_MS, reveal_busy, self);
  _cord_window_update_actions (self);
}

void
_cord_window_end_busy (CordWindow *self)
{
  g_assert (CORD_IS_WINDOW (self));
  g_assert (self->busy_count > 0);

  if (--self->busy_count > 0)
    return;
  g_clear_handle_id (&self->reveal_source, g_source_remove);
  g_clear_handle_id (&self->pulse_source, g_source_remove);
  gtk_revealer_set_reveal_child (self->busy_revealer, FALSE);
  gtk_spinner_stop (GTK_SPINNER (self->busy_spinner));
  gtk_widget_set_visible (self->busy_spinner, FALSE);
  _cord_window_update_actions (self);
}

/* Banners. */

void
_cord_window_show_banner (CordWindow    *self,
                          const char    *title,
                          const char    *detail,
                          CordWindowFix  fix)
{
  g_assert (CORD_IS_WINDOW (self));

  gtk_label_set_text (self->info_title, title);
  gtk_label_set_text (self->info_detail, detail != NULL ? detail : "");
  gtk_widget_set_visible (GTK_WIDGET (self->info_detail), detail != NULL && *detail != '\0');
  if (self->info_button != NULL)
    {
      gtk_info_bar_remove_action_widget (self->info_bar, self->info_button);
      self->info_button = NULL;
    }
  switch (fix)
    {
    case CORD_WINDOW_FIX_SAVE_AS:
      self->info_button = gtk_info_bar_add_button (self->info_bar, _("Save _As…"), fix);
      break;
    case CORD_WINDOW_FIX_OPEN:
      self->info_button = gtk_info_bar_add_button (self->info_bar, _("_Open Another Lab…"), fix);
      break;
    case CORD_WINDOW_FIX_NONE:
    default:
      break;
    }
  self->info_fix = fix;
  self->banner_transient = FALSE;
  gtk_info_bar_set_message_type (self->info_bar, GTK_MESSAGE_ERROR);
  gtk_info_bar_set_revealed (self->info_bar, TRUE);
}

void
cord_window_show_error (CordWindow *self,
                        const char *title,
                        const char *detail)
{
  g_return_if_fail (CORD_IS_WINDOW (self));
  g_return_if_fail (title != NULL);

  _cord_window_show_banner (self, title, detail, CORD_WINDOW_FIX_NONE);
}

static void
on_info_bar_response (GtkInfoBar *bar,
                      int         response,
                      CordWindow *self)
{
  gtk_info_bar_set_revealed (bar, FALSE);
  if (response == CORD_WINDOW_FIX_SAVE_AS)
    _cord_window_save (self, TRUE, NULL);
  else if (response == CORD_WINDOW_FIX_OPEN)
    gtk_widget_activate_action (GTK_WIDGET (self), "app.open", NULL);
}

static void
on_canvas_error (CordCanvas *canvas,
                 const char *message,
                 CordWindow *self)
{
  _cord_window_show_banner (self, message, NULL, CORD_WINDOW_FIX_NONE);
  self->banner_transient = TRUE;
}

/* The canvas and the palette. */

static void
on_device_window_destroyed (GtkWidget  *device_window,
                            CordWindow *self)
{
  CordDevice *device = g_object_get_data (G_OBJECT (device_window), "cord-device");

  if (self->device_windows != NULL &&
      g_hash_table_lookup (self->device_windows, device) == device_window)
    g_hash_table_remove (self->device_windows, device);
}

static void
close_device_windows (CordWindow *self)
{
  g_autoptr(GList) windows = NULL;

  if (self->device_windows == NULL)
    return;
  windows = g_hash_table_get_values (self->device_windows);
  g_hash_table_remove_all (self->device_windows);
  for (GList *l = windows; l != NULL; l = l->next)
    {
      g_signal_handlers_disconnect_by_data (l->data, self);
      gtk_window_destroy (GTK_WINDOW (l->data));
    }
}

static void
on_canvas_device_activated (CordCanvas *canvas,
                            CordDevice *device,
                            CordWindow *self)
{
  CordDeviceWindow *device_window;

  if (device == NULL)
    return;
  /* One window per device, as in Packet Tracer: a second double-click
   * brings it back. */
  device_window = g_hash_table_lookup (self->device_windows, device);
  if (device_window == NULL)
    {
      device_window = cord_device_window_new (self->document, device);
      g_object_set_data (G_OBJECT (device_window), "cord-device", device);
      g_signal_connect (device_window, "destroy", G_CALLBACK (on_device_window_destroyed), self);
      g_hash_table_insert (self->device_windows, device, device_window);
    }
  gtk_window_present (GTK_WINDOW (device_window));
}

static void
on_canvas_tool_changed (CordWindow *self)
{
  if (cord_canvas_get_tool (self->canvas) == CORD_CANVAS_TOOL_SELECT)
    cord_palette_unselect (self->palette);
}

static void
on_canvas_zoom_changed (CordWindow *self)
{
  g_autofree char *text = g_strdup_printf ("%.0f%%", cord_canvas_get_zoom (self->canvas) * 100.0);

  gtk_label_set_text (self->zoom_label, text);
}

static void
on_palette_model_chosen (CordPalette *palette,
                         const char  *model,
                         CordWindow  *self)
{
  cord_canvas_set_tool (self->canvas, CORD_CANVAS_TOOL_PLACE, model, CORD_CABLE_AUTO);
}

static void
on_palette_cable_chosen (CordPalette *palette,
                         int          cable,
                         CordWindow  *self)
{
  cord_canvas_set_tool (self->canvas, CORD_CANVAS_TOOL_CONNECT, NULL, (CordCable) cable);
}

/* Loading. */

static void
add_recent_for_document (CordWindow *self)
{
  GFile *file = cord_document_get_file (self->document);

  if (file != NULL)
    _cord_window_add_recent (self, file);
}

static void
report_load_error (CordWindow *self,
                   GFile      *file,
                   GError     *error)
{
  g_autofree char *base = g_file_get_basename (file);
  g_autofree char *name = g_filename_display_name (base);
  g_autofree char *title = g_strdup_printf (_("Could not open “%s”"), name);
  g_autofree char *detail = NULL;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
    detail = g_strdup_printf ("%s\n%s", error->message,
                              _("Check the name and the folder, or open another lab."));
  else
    detail = g_strdup_printf ("%s\n%s", error->message,
                              _("Correct the file in a text editor, or open another lab."));
  _cord_window_show_banner (self, title, detail, CORD_WINDOW_FIX_OPEN);
  /* Also for whoever started Patchcord from a terminal. */
  g_printerr ("%s\n", error->message);
}

typedef struct {
  CordWindow *window;
  GFile      *file;
} LoadRequest;

static void
load_request_free (LoadRequest *request)
{
  g_object_unref (request->window);
  g_clear_object (&request->file);
  g_free (request);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LoadRequest, load_request_free)

static void
finish_loading (CordWindow *self)
{
  self->loading = FALSE;
  gtk_widget_set_sensitive (GTK_WIDGET (self->canvas), TRUE);
  _cord_window_end_busy (self);
  update_empty_hint (self);
  if (self->close_after_save)
    {
      self->close_after_save = FALSE;
      gtk_window_close (GTK_WINDOW (self));
    }
}

static void
on_load_done (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(LoadRequest) request = user_data;
  CordWindow *self = request->window;
  g_autoptr(GError) error = NULL;
  gboolean ok;

  if (g_task_get_source_tag (G_TASK (result)) == cord_document_restore_async)
    ok = cord_document_restore_finish (CORD_DOCUMENT (source), result, &error);
  else
    ok = cord_document_load_finish (CORD_DOCUMENT (source), result, &error);
  if (self->document == NULL)
    return;
  finish_loading (self);
  if (!ok)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        report_load_error (self, request->file, error);
      return;
    }
  gtk_info_bar_set_revealed (self->info_bar, FALSE);
  add_recent_for_document (self);
}

static void
start_loading (CordWindow *self,
               GFile      *file)
{
  g_autofree char *base = g_file_get_basename (file);
  g_autofree char *name = g_filename_display_name (base);
  g_autofree char *message = g_strdup_printf (_("Opening “%s”…"), name);

  gtk_info_bar_set_revealed (self->info_bar, FALSE);
  self->loading = TRUE;
  gtk_widget_set_sensitive (GTK_WIDGET (self->canvas), FALSE);
  gtk_widget_set_visible (self->empty_hint, FALSE);
  _cord_window_begin_busy (self, message);
}

void
cord_window_open (CordWindow *self,
                  GFile      *file)
{
  LoadRequest *request;

  g_return_if_fail (CORD_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  request = g_new0 (LoadRequest, 1);
  request->window = g_object_ref (self);
  request->file = g_object_ref (file);
  start_loading (self, file);
  cord_document_load_async (self->document, file, self->cancellable, on_load_done, request);
}

void
cord_window_restore (CordWindow       *self,
                     CordRecoveryInfo *info)
{
  LoadRequest *request;

  g_return_if_fail (CORD_IS_WINDOW (self));
  g_return_if_fail (info != NULL);

  request = g_new0 (LoadRequest, 1);
  request->window = g_object_ref (self);
  request->file = g_file_new_for_path (info->lab_path);
  start_loading (self, request->file);
  cord_document_restore_async (self->document, info, self->cancellable, on_load_done, request);
}

gboolean
cord_window_is_untouched (CordWindow *self)
{
  g_return_val_if_fail (CORD_IS_WINDOW (self), FALSE);
  return !self->loading && self->close_dialog == NULL
         && cord_document_is_untouched (self->document);
}

CordDocument *
cord_window_get_document (CordWindow *self)
{
  g_return_val_if_fail (CORD_IS_WINDOW (self), NULL);
  return self->document;
}

CordCanvas *
cord_window_get_canvas (CordWindow *self)
{
  g_return_val_if_fail (CORD_IS_WINDOW (self), NULL);
  return self->canvas;
}

/* Closing. */

static void
cord_window_finish_close (CordWindow *self,
                          gboolean    closed)
{
  CordWindowCloseFunc func = self->close_func;
  gpointer data = self->close_data;

  self->close_func = NULL;
  self->close_data = NULL;
  if (func != NULL)
    func (self, closed, data);
}

static void
after_close_save (CordWindow *self,
                  gboolean    saved)
{
  if (!saved)
    {
      cord_window_finish_close (self, FALSE);
      return;
    }
  self->close_confirmed = TRUE;
  gtk_window_close (GTK_WINDOW (self));
}

static void
on_close_dialog_response (GtkDialog  *dialog,
                          int         response,
                          CordWindow *self)
{
  /* The dialog is still referenced while it emits: it must let go of
   * this window now, since the window may be gone when it is freed. */
  gtk_window_set_transient_for (GTK_WINDOW (dialog), NULL);
  gtk_window_destroy (GTK_WINDOW (dialog));
  self->close_dialog = NULL;

  switch (response)
    {
    case GTK_RESPONSE_ACCEPT:
      _cord_window_save (self, FALSE, after_close_save);
      break;
    case GTK_RESPONSE_REJECT:
      self->close_confirmed = TRUE;
      gtk_window_close (GTK_WINDOW (self));
      break;
    default:
      cord_window_finish_close (self, FALSE);
      break;
    }
}

static void
ask_before_closing (CordWindow *self)
{
  GtkWidget *dialog;
  GtkWidget *button;
  gboolean has_file = cord_document_get_file (self->document) != NULL;

  dialog = gtk_message_dialog_new (GTK_WINDOW (self),
                                   GTK_DIALOG_MODAL | GTK_DIALOG_DESTROY_WITH_PARENT,
                                   GTK_MESSAGE_QUESTION, GTK_BUTTONS_NONE,
                                   _("Save changes to “%s” before closing?"),
                                   cord_document_get_title (self->document));
  gtk_message_dialog_format_secondary_text (GTK_MESSAGE_DIALOG (dialog), "%s",
                                            _("If you don’t save, the changes made since "
                                              "the last save are lost."));
  /* The title names the dialog for window lists and for the tests. */
  gtk_window_set_title (GTK_WINDOW (dialog), _("Unsaved Changes"));
  gtk_dialog_add_button (GTK_DIALOG (dialog), _("_Cancel"), GTK_RESPONSE_CANCEL);
  button = gtk_dialog_add_button (GTK_DIALOG (dialog), _("_Discard"), GTK_RESPONSE_REJECT);
  gtk_widget_add_css_class (button, "destructive-action");
  button = gtk_dialog_add_button (GTK_DIALOG (dialog), has_file ? _("_Save") : _("_Save As…"),
                                  GTK_RESPONSE_ACCEPT);
  gtk_widget_add_css_class (button, "suggested-action");
  gtk_dialog_set_default_response (GTK_DIALOG (dialog), GTK_RESPONSE_ACCEPT);
  g_signal_connect (dialog, "response", G_CALLBACK (on_close_dialog_response), self);
  self->close_dialog = dialog;
  gtk_window_present (GTK_WINDOW (dialog));
}

static gboolean
cord_window_close_request (GtkWindow *window)
{
  CordWindow *self = CORD_WINDOW (window);

  if (self->close_dialog != NULL)
    {
      gtk_window_present (GTK_WINDOW (self->close_dialog));
      return TRUE;
    }
  if (!self->close_confirmed && cord_document_get_busy (self->document) && !self->loading)
    {
      /* A save is being written: close once it is on disk. */
      self->close_after_save = TRUE;
      return TRUE;
    }
  if (!self->close_confirmed && !self->loading && cord_document_get_modified (self->document))
    {
      ask_before_closing (self);
      return TRUE;
    }

  g_cancellable_cancel (self->cancellable);
  close_device_windows (self);
  cord_document_close (self->document);
  cord_window_finish_close (self, TRUE);
  return GTK_WINDOW_CLASS (cord_window_parent_class)->close_request (window);
}

void
cord_window_confirm_close (CordWindow          *self,
                           CordWindowCloseFunc  func,
                           gpointer             user_data)
{
  g_return_if_fail (CORD_IS_WINDOW (self));

  if (self->close_func != NULL)
    cord_window_finish_close (self, FALSE);
  self->close_func = func;
  self->close_data = user_data;
  gtk_window_close (GTK_WINDOW (self));
}

/* The bottom bar. */

static gboolean
update_clock (gpointer data)
{
  CordWindow *self = data;
  CordEngine *engine = cord_document_get_engine (self->document);
  guint64 seconds = engine != NULL ? cord_engine_now (engine) / CORD_ENGINE_NS_PER_SEC : 0;
  char text[32];

  /* Reading the clock never waits: the engine runs on this thread, paced
   * by the document between frames. */
  g_snprintf (text, sizeof text, "%02" G_GUINT64_FORMAT ":%02u:%02u",
              seconds / 3600, (guint) (seconds / 60 % 60), (guint) (seconds % 60));
  if (g_strcmp0 (gtk_label_get_text (self->clock_label), text) != 0)
    gtk_label_set_text (self->clock_label, text);
  return G_SOURCE_CONTINUE;
}

/* The test hook: with PATCHCORD_TEST_GEOMETRY=FILE the window keeps FILE
 * describing where things are on screen, in pixels from the top-left
 * corner of the window's surface, so a test can drive the real program
 * with xdotool. One item a line:
 *   WINDOW W H
 *   DEVICE CX CY X0 Y0 X1 Y1 NAME    (icon centre, then the icon's box)
 *   CATEGORY INDEX X Y               (palette categories, CordPaletteCategory order)
 *   MODEL X Y NAME / CABLE X Y ID    (palette items shown)
 *   PORT X Y SENSITIVE NAME          (rows of the open port popup)
 *   WIDGET X Y DEVICE/ID             (named parts of device windows, in
 *                                     pixels from that window's corner:
 *                                     see cord-test-geometry.h)
 * The file is replaced atomically whenever its text changes. */

static gboolean
geometry_point (GtkWidget  *widget,
                double      x,
                double      y,
                double     *out_x,
                double     *out_y)
{
  GtkNative *native = gtk_widget_get_native (widget);
  graphene_point_t p;
  double tx, ty;

  if (native == NULL || !gtk_widget_get_mapped (widget) ||
      !gtk_widget_compute_point (widget, GTK_WIDGET (native), &GRAPHENE_POINT_INIT (x, y), &p))
    return FALSE;
  gtk_native_get_surface_transform (native, &tx, &ty);
  *out_x = p.x + tx;
  *out_y = p.y + ty;
  /* A popover is a surface of its own, placed relative to the window's. */
  if (GTK_IS_POPOVER (native))
    {
      GdkSurface *surface = gtk_native_get_surface (native);

      if (surface == NULL || !GDK_IS_POPUP (surface))
        return FALSE;
      *out_x += gdk_popup_get_position_x (GDK_POPUP (surface));
      *out_y += gdk_popup_get_position_y (GDK_POPUP (surface));
    }
  return TRUE;
}

static gboolean
geometry_centre (GtkWidget *widget,
                 double    *x,
                 double    *y)
{
  return geometry_point (widget, gtk_widget_get_width (widget) / 2.0,
                         gtk_widget_get_height (widget) / 2.0, x, y);
}

static void
geometry_palette (GtkWidget *widget,
                  GString   *out,
                  guint     *n_categories)
{
  double x, y;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      const char *model = g_object_get_data (G_OBJECT (child), "model");
      int cable = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (child), "cable"));

      if (GTK_IS_TOGGLE_BUTTON (child) && gtk_widget_has_css_class (child, "category"))
        {
          if (geometry_centre (child, &x, &y))
            g_string_append_printf (out, "CATEGORY %u %.0f %.0f\n", *n_categories, x, y);
          (*n_categories)++;
        }
      else if (model != NULL && geometry_centre (child, &x, &y))
        g_string_append_printf (out, "MODEL %.0f %.0f %s\n", x, y, model);
      else if (cable > 0 && geometry_centre (child, &x, &y))
        g_string_append_printf (out, "CABLE %.0f %.0f %s\n", x, y,
                                cord_cable_to_string ((CordCable) (cable - 1)));
      else
        geometry_palette (child, out, n_categories);
    }
}

static char *
geometry_describe (CordWindow *self)
{
  GString *out = g_string_new (NULL);
  CordCanvas *canvas = self->canvas;
  guint n_categories = 0;
  double x, y;

  g_string_append_printf (out, "WINDOW %d %d\n", gtk_widget_get_width (GTK_WIDGET (self)),
                          gtk_widget_get_height (GTK_WIDGET (self)));
  for (guint i = 0; self->topology != NULL && i < cord_topology_get_n_devices (self->topology); i++)
    {
      CordDevice *device = cord_topology_get_device (self->topology, i);
      graphene_rect_t r;
      double mx, my, wx, wy, x0, y0, x1, y1;

      _cord_canvas_device_position (canvas, device, &mx, &my);
      _cord_canvas_model_to_widget (canvas, mx, my, &wx, &wy);
      _cord_canvas_icon_bounds (canvas, device, &r);
      _cord_canvas_model_to_widget (canvas, r.origin.x, r.origin.y, &x0, &y0);
      _cord_canvas_model_to_widget (canvas, r.origin.x + r.size.width, r.origin.y + r.size.height,
                                    &x1, &y1);
      if (geometry_point (GTK_WIDGET (canvas), wx, wy, &x, &y) &&
          geometry_point (GTK_WIDGET (canvas), x0, y0, &x0, &y0) &&
          geometry_point (GTK_WIDGET (canvas), x1, y1, &x1, &y1))
        g_string_append_printf (out, "DEVICE %.0f %.0f %.0f %.0f %.0f %.0f %s\n",
                                x, y, x0, y0, x1, y1, device->name);
    }
  geometry_palette (GTK_WIDGET (self->palette), out, &n_categories);
  /* Device windows: their tagged widgets, named after the device. */
  if (self->device_windows != NULL)
    {
      GHashTableIter iter;
      gpointer key, value;

      g_hash_table_iter_init (&iter, self->device_windows);
      while (g_hash_table_iter_next (&iter, &key, &value))
        cord_geometry_describe (value, ((CordDevice *) key)->name, out);
    }
  if (canvas->picking_device != NULL && _cord_canvas_popover_open (canvas->port_popover))
    for (GtkWidget *row = gtk_widget_get_first_child (canvas->port_list); row != NULL;
         row = gtk_widget_get_next_sibling (row))
      {
        guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row), "port-index"));
        CordPort *port = index < canvas->picking_device->ports->len
                         ? canvas->picking_device->ports->pdata[index] : NULL;

        if (port != NULL && geometry_centre (row, &x, &y))
          g_string_append_printf (out, "PORT %.0f %.0f %d %s\n", x, y,
                                  gtk_widget_get_sensitive (row), port->name);
      }
  return g_string_free (out, FALSE);
}

static gboolean
geometry_tick (gpointer data)
{
  CordWindow *self = data;
  g_autofree char *text = NULL;

  if (!gtk_widget_get_mapped (GTK_WIDGET (self)) || self->canvas == NULL)
    return G_SOURCE_CONTINUE;
  text = geometry_describe (self);
  if (g_strcmp0 (text, self->geometry_written) != 0 &&
      g_file_set_contents (self->geometry_path, text, -1, NULL))
    {
      g_free (self->geometry_written);
      self->geometry_written = g_steal_pointer (&text);
    }
  return G_SOURCE_CONTINUE;
}

/* GObject. */

static void
cord_window_dispose (GObject *object)
{
  CordWindow *self = CORD_WINDOW (object);

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  close_device_windows (self);
  g_clear_pointer (&self->device_windows, g_hash_table_unref);
  g_clear_handle_id (&self->reveal_source, g_source_remove);
  g_clear_handle_id (&self->pulse_source, g_source_remove);
  g_clear_handle_id (&self->clock_source, g_source_remove);
  g_clear_handle_id (&self->geometry_source, g_source_remove);
  g_clear_pointer (&self->geometry_path, g_free);
  g_clear_pointer (&self->geometry_written, g_free);
  if (self->close_dialog != NULL)
    {
      gtk_window_destroy (GTK_WINDOW (self->close_dialog));
      self->close_dialog = NULL;
    }
  if (self->topology != NULL)
    g_clear_signal_handler (&self->history_handler, self->topology);
  if (self->document != NULL)
    g_signal_handlers_disconnect_by_data (self->document, self);

  /* The canvas lets go of the simulation before it goes; GtkWindow
   * disposes the widgets themselves. */
  if (self->canvas != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->canvas, self);
      cord_canvas_set_lab (self->canvas, NULL, NULL);
      self->canvas = NULL;
    }
  if (self->palette != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->palette, self);
      self->palette = NULL;
    }
  g_clear_object (&self->topology);
  g_clear_object (&self->document);
  g_clear_object (&self->cancellable);

  G_OBJECT_CLASS (cord_window_parent_class)->dispose (object);
}

static void
cord_window_class_init (CordWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = cord_window_dispose;
  window_class->close_request = cord_window_close_request;

  /* Referring to the resources links them in; they register themselves. */
  (void) cord_gui_get_resource ();
  g_type_ensure (CORD_TYPE_CANVAS);
  g_type_ensure (CORD_TYPE_PALETTE);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/patchcord/Patchcord/ui/cord-window.ui");
  gtk_widget_class_bind_template_child (widget_class, CordWindow, header_bar);
  gtk_widget_class_bind_template_child (widget_class, CordWindow, undo_button);
  gtk_widget_class_bind_template_child (widget_class, CordWindow, redo_button);
  gtk_widget_class_bind_template_child (widget_class, CordWindow, title_label);
  gtk_widget_class_bind_template_child (widget_class, CordWindow, subtitle_label);
  gtk_widget_class_bind_template_child (widget_class, CordWindow, busy_spinner);
  gtk_widget_class_bind_template_child (widget_class, CordWindow, recent_menu);
  gtk_widget_class_bind_template_child (widget_class, CordWindow, info_bar);
  gtk_widget_class_bind_template_child (widget_class, CordWindow, info_title);
  gtk_widget_class_bind_template_child (widget_class, CordWindow, info_detail);
  gtk_widget_class_bind_template_child (widget_class, CordWindow, canvas);
  gtk_widget_class_bind_template_child (widget_class, CordWindow, empty_hint);
  gtk_widget_class_bind_template_child (widget_class, CordWindow, busy_revealer);
  gtk_widget_class_bind_template_child (widget_class, CordWindow, busy_label);
  gtk_widget_class_bind_template_child (widget_class, CordWindow, busy_progress);
  gtk_widget_class_bind_template_child (widget_class, CordWindow, zoom_label);
  gtk_widget_class_bind_template_child (widget_class, CordWindow, palette);
  gtk_widget_class_bind_template_child (widget_class, CordWindow, clock_label);
  gtk_widget_class_bind_template_child (widget_class, CordWindow, realtime_button);
  gtk_widget_class_bind_template_child (widget_class, CordWindow, simulation_button);
  gtk_widget_class_bind_template_callback (widget_class, on_info_bar_response);
  gtk_widget_class_bind_template_callback (widget_class, on_canvas_error);
  gtk_widget_class_bind_template_callback (widget_class, on_canvas_device_activated);
  gtk_widget_class_bind_template_callback (widget_class, on_canvas_tool_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_canvas_zoom_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_palette_model_chosen);
  gtk_widget_class_bind_template_callback (widget_class, on_palette_cable_chosen);
  gtk_widget_class_bind_template_callback (widget_class, _cord_window_update_actions);
}

static void
cord_window_init (CordWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->device_windows = g_hash_table_new (NULL, NULL);

  self->cancellable = g_cancellable_new ();
  self->document = cord_document_new ();
  g_signal_connect_object (self->document, "notify::topology",
                           G_CALLBACK (watch_topology), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->document, "notify::title",
                           G_CALLBACK (update_title), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->document, "notify::modified",
                           G_CALLBACK (update_title), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->document, "notify::busy",
                           G_CALLBACK (_cord_window_update_actions), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->document, "lights-changed",
                           G_CALLBACK (on_lights_changed), self, G_CONNECT_SWAPPED);

  _cord_window_install_actions (self);
  watch_topology (self);
  update_title (self);
  on_canvas_zoom_changed (self);

  update_clock (self);
  self->clock_source = g_timeout_add_seconds (1, update_clock, self);
  g_source_set_name_by_id (self->clock_source, "[patchcord] clock");
  if (g_getenv ("PATCHCORD_TEST_GEOMETRY") != NULL)
    {
      self->geometry_path = g_strdup (g_getenv ("PATCHCORD_TEST_GEOMETRY"));
      self->geometry_source = g_timeout_add (100, geometry_tick, self);
    }
}

CordWindow *
cord_window_new (GtkApplication *application)
{
  CordWindow *self;

  g_return_val_if_fail (application == NULL || GTK_IS_APPLICATION (application), NULL);

  self = g_object_new (CORD_TYPE_WINDOW, "application", application, NULL);
  if (CORD_IS_APPLICATION (application))
    g_menu_append_section (self->recent_menu, NULL,
                           cord_application_get_recent_menu (CORD_APPLICATION (application)));
  return self;
}
