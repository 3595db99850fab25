/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The window's actions (win.*): saving, exporting images, undo, selection and zoom, and the one place that enables them. */
#include "config.h"

#include <cairo-pdf.h>
#include <cairo-svg.h>
#include <string.h>
#include <glib/gi18n.h>

#include "cord-window-private.h"

#define LAB_MIME_TYPE "application/x-patchcord-lab"
/* Exported PNGs are drawn at twice the lab's size, within this bound. */
#define EXPORT_PNG_SCALE 2.0
#define EXPORT_PNG_MAX_SIDE 16384.0

static void
set_enabled (CordWindow *self,
             const char *name,
             gboolean    enabled)
{
  GAction *action = g_action_map_lookup_action (G_ACTION_MAP (self), name);

  g_simple_action_set_enabled (G_SIMPLE_ACTION (action), enabled);
}

static void
set_history_tooltip (GtkWidget  *button,
                     const char *text,
                     const char *accel)
{
  g_autofree char *tooltip = g_strdup_printf ("%s (%s)", text, accel);

  gtk_widget_set_tooltip_text (button, tooltip);
}

void
_cord_window_update_actions (CordWindow *self)
{
  CordTopology *topology = self->topology;
  gboolean idle = self->busy_count == 0 && !self->loading;
  gboolean can_undo = idle && topology != NULL && cord_topology_can_undo (topology);
  gboolean can_redo = idle && topology != NULL && cord_topology_can_redo (topology);
  g_autofree char *undo = NULL;
  g_autofree char *redo = NULL;

  g_assert (CORD_IS_WINDOW (self));

  set_enabled (self, "undo", can_undo);
  set_enabled (self, "redo", can_redo);
  set_enabled (self, "delete", idle && cord_canvas_has_selection (self->canvas));
  set_enabled (self, "select-all", idle && topology != NULL
               && (cord_topology_get_n_devices (topology) > 0 || cord_topology_get_n_notes (topology) > 0));
  set_enabled (self, "save", idle);
  set_enabled (self, "save-as", idle);
  set_enabled (self, "export", idle && topology != NULL && cord_topology_get_n_devices (topology) > 0);

  /* Translators: %s names the step, such as "Add Device". */
  undo = can_undo ? g_strdup_printf (_("Undo %s"), cord_topology_get_undo_label (topology))
                  : g_strdup (_("Undo"));
  /* Translators: %s names the step, such as "Add Device". */
  redo = can_redo ? g_strdup_printf (_("Redo %s"), cord_topology_get_redo_label (topology))
                  : g_strdup (_("Redo"));
  set_history_tooltip (self->undo_button, undo, _("Ctrl+Z"));
  set_history_tooltip (self->redo_button, redo, _("Shift+Ctrl+Z"));
}

void
_cord_window_add_recent (CordWindow *self,
                         GFile      *file)
{
  GtkRecentData data = { 0 };
  g_autofree char *uri = g_file_get_uri (file);
  char *groups[] = { (char *) "patchcord", NULL };

  data.display_name = NULL;
  data.mime_type = (char *) LAB_MIME_TYPE;
  data.app_name = (char *) "Patchcord";
  data.app_exec = (char *) "patchcord %u";
  data.groups = groups;
  gtk_recent_manager_add_full (gtk_recent_manager_get_default (), uri, &data);
}

/* Saving. */

typedef void (*SaveDone) (CordWindow *self,
                          gboolean    saved);

typedef struct {
  CordWindow *window;
  GFile      *file;
  SaveDone    done;
} SaveRequest;

static void
save_request_free (SaveRequest *request)
{
  g_object_unref (request->window);
  g_clear_object (&request->file);
  g_free (request);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SaveRequest, save_request_free)

static void
on_save_done (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(SaveRequest) request = user_data;
  CordWindow *self = request->window;
  g_autoptr(GError) error = NULL;
  gboolean saved = cord_document_save_finish (CORD_DOCUMENT (source), result, &error);

  if (self->document == NULL)
    return;
  _cord_window_end_busy (self);
  if (saved)
    {
      if (self->info_fix == CORD_WINDOW_FIX_SAVE_AS)
        gtk_info_bar_set_revealed (self->info_bar, FALSE);
      _cord_window_add_recent (self, request->file);
    }
  else
    {
      g_autofree char *base = g_file_get_basename (request->file);
      g_autofree char *name = g_filename_display_name (base);
      g_autofree char *title = g_strdup_printf (_("Could not save “%s”"), name);
      g_autofree char *detail = g_strdup_printf ("%s\n%s", error->message,
                                                 _("The lab is still open and unchanged. "
                                                   "Save it in another folder with Save As."));

      _cord_window_show_banner (self, title, detail, CORD_WINDOW_FIX_SAVE_AS);
    }
  if (request->done != NULL)
    request->done (self, saved);
  if (self->close_after_save)
    {
      self->close_after_save = FALSE;
      gtk_window_close (GTK_WINDOW (self));
    }
}

static void
start_save (CordWindow *self,
            GFile      *file,
            SaveDone    done)
{
  SaveRequest *request = g_new0 (SaveRequest, 1);
  g_autofree char *base = g_file_get_basename (file);
  g_autofree char *name = g_filename_display_name (base);
  g_autofree char *message = g_strdup_printf (_("Saving “%s”…"), name);

  request->window = g_object_ref (self);
  request->file = g_object_ref (file);
  request->done = done;
  _cord_window_begin_busy (self, message);
  cord_document_save_async (self->document, file, NULL, on_save_done, request);
}

static GtkFileFilter *
lab_filter (void)
{
  GtkFileFilter *filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("Patchcord Labs"));
  gtk_file_filter_add_pattern (filter, "*.pclab");
  gtk_file_filter_add_mime_type (filter, LAB_MIME_TYPE);
  return filter;
}

typedef struct {
  CordWindow *window;
  SaveDone    done;
} ChooseRequest;

static void
on_save_chooser_response (GtkNativeDialog *chooser,
                          int              response,
                          gpointer         user_data)
{
  ChooseRequest *request = user_data;
  CordWindow *self = request->window;
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  if (file != NULL && self->document != NULL)
    {
      g_autofree char *base = g_file_get_basename (file);

      /* A lab without its extension would not open from a file manager. */
      if (!g_str_has_suffix (base, ".pclab"))
        {
          g_autofree char *named = g_strconcat (base, ".pclab", NULL);
          g_autoptr(GFile) parent = g_file_get_parent (file);

          g_set_object (&file, g_file_get_child (parent, named));
        }
      start_save (self, file, request->done);
    }
  else if (request->done != NULL && self->document != NULL)
    request->done (self, FALSE);

  g_object_unref (request->window);
  g_free (request);
  g_object_unref (chooser);
}

void
_cord_window_save (CordWindow *self,
                   gboolean    save_as,
                   SaveDone    done)
{
  GFile *file = cord_document_get_file (self->document);
  GtkFileChooserNative *chooser;
  ChooseRequest *request;
  g_autofree char *name = NULL;
  g_autoptr(GtkFileFilter) filter = lab_filter ();

  g_assert (CORD_IS_WINDOW (self));

  if (file != NULL && !save_as)
    {
      start_save (self, file, done);
      return;
    }

  chooser = gtk_file_chooser_native_new (_("Save Lab"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  if (file != NULL)
    gtk_file_chooser_set_file (GTK_FILE_CHOOSER (chooser), file, NULL);
  else
    {
      /* Translators: the file name offered for a new lab. */
      name = g_strdup_printf ("%s.pclab", _("Untitled Lab"));
      gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
    }
  request = g_new0 (ChooseRequest, 1);
  request->window = g_object_ref (self);
  request->done = done;
  g_signal_connect (chooser, "response", G_CALLBACK (on_save_chooser_response), request);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* Exporting an image. The canvas records the lab on the main thread (fast:
 * it only lists drawing operations); a worker thread replays the record
 * into the PNG, SVG or PDF and writes the file. */

typedef enum {
  EXPORT_PNG,
  EXPORT_SVG,
  EXPORT_PDF,
} ExportFormat;

static const struct {
  const char *name;
  const char *suffix;
  const char *mime;
} export_formats[] = {
  [EXPORT_PNG] = { N_("PNG Image"), ".png", "image/png" },
  [EXPORT_SVG] = { N_("SVG Image"), ".svg", "image/svg+xml" },
  [EXPORT_PDF] = { N_("PDF Document"), ".pdf", "application/pdf" },
};

typedef struct {
  cairo_surface_t *record;
  double           x, y, width, height;
  ExportFormat     format;
  char            *path;
} ExportJob;

static void
export_job_free (ExportJob *job)
{
  g_clear_pointer (&job->record, cairo_surface_destroy);
  g_free (job->path);
  g_free (job);
}

static cairo_status_t
append_bytes (void                *closure,
              const unsigned char *data,
              unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

static void
paint_record (cairo_surface_t *target,
              ExportJob       *job,
              double           scale,
              gboolean         background)
{
  cairo_t *cr = cairo_create (target);

  cairo_scale (cr, scale, scale);
  if (background)
    {
      cairo_set_source_rgb (cr, 1, 1, 1);
      cairo_paint (cr);
    }
  cairo_set_source_surface (cr, job->record, -job->x, -job->y);
  cairo_paint (cr);
  cairo_destroy (cr);
}

static void
export_thread (GTask        *task,
               gpointer      source,
               gpointer      task_data,
               GCancellable *cancellable)
{
  ExportJob *job = task_data;
  g_autoptr(GByteArray) out = g_byte_array_new ();
  cairo_surface_t *target = NULL;
  cairo_status_t status;
  GError *error = NULL;

  switch (job->format)
    {
    case EXPORT_PNG:
      {
        double scale = MIN (EXPORT_PNG_SCALE,
                            EXPORT_PNG_MAX_SIDE / MAX (job->width, job->height));

        target = cairo_image_surface_create (CAIRO_FORMAT_RGB24,
                                             MAX (1, (int) (job->width * scale)),
                                             MAX (1, (int) (job->height * scale)));
        paint_record (target, job, scale, TRUE);
        cairo_surface_flush (target);
        status = cairo_surface_write_to_png_stream (target, append_bytes, out);
      }
      break;
    case EXPORT_SVG:
      target = cairo_svg_surface_create_for_stream (append_bytes, out, job->width, job->height);
      paint_record (target, job, 1.0, FALSE);
      cairo_surface_finish (target);
      status = cairo_surface_status (target);
      break;
    case EXPORT_PDF:
      target = cairo_pdf_surface_create_for_stream (append_bytes, out, job->width, job->height);
      paint_record (target, job, 1.0, TRUE);
      cairo_surface_finish (target);
      status = cairo_surface_status (target);
      break;
    default:
      g_assert_not_reached ();
    }
  cairo_surface_destroy (target);

  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_FAILED,
                               _("Could not draw the image: %s"), cairo_status_to_string (status));
      return;
    }
  /* Written beside the target and renamed over it, like a lab. */
  if (!g_file_set_contents (job->path, (const char *) out->data, out->len, &error))
    {
      g_task_return_error (task, error);
      return;
    }
  g_task_return_boolean (task, TRUE);
}

static void
on_export_done (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  CordWindow *self = CORD_WINDOW (source);
  ExportJob *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;

  if (self->document == NULL)
    return;
  _cord_window_end_busy (self);
  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      g_autofree char *base = g_path_get_basename (job->path);
      g_autofree char *name = g_filename_display_name (base);
      g_autofree char *title = g_strdup_printf (_("Could not export “%s”"), name);
      g_autofree char *detail = g_strdup_printf ("%s\n%s", error->message,
                                                 _("Choose another folder or format with Export Image."));

      _cord_window_show_banner (self, title, detail, CORD_WINDOW_FIX_NONE);
    }
}

static void
start_export (CordWindow   *self,
              const char   *path,
              ExportFormat  format)
{
  g_autoptr(GTask) task = NULL;
  g_autofree char *base = g_path_get_basename (path);
  g_autofree char *name = g_filename_display_name (base);
  g_autofree char *message = g_strdup_printf (_("Exporting “%s”…"), name);
  graphene_rect_t extents;
  ExportJob *job;
  cairo_t *cr;

  cord_canvas_get_lab_extents (self->canvas, &extents);
  job = g_new0 (ExportJob, 1);
  job->format = format;
  job->path = g_strdup (path);
  /* The canvas draws the lab, margin included, from 0,0. */
  job->x = 0;
  job->y = 0;
  job->width = MAX (extents.size.width, 1.0);
  job->height = MAX (extents.size.height, 1.0);
  job->record = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA, NULL);
  cr = cairo_create (job->record);
  cord_canvas_render (self->canvas, cr);
  cairo_destroy (cr);

  _cord_window_begin_busy (self, message);
  task = g_task_new (self, NULL, on_export_done, NULL);
  g_task_set_task_data (task, job, (GDestroyNotify) export_job_free);
  g_task_run_in_thread (task, export_thread);
}

void
_cord_window_export (CordWindow *self,
                     const char *path)
{
  ExportFormat format = EXPORT_PNG;

  g_assert (CORD_IS_WINDOW (self));

  for (guint i = 0; i < G_N_ELEMENTS (export_formats); i++)
    if (g_str_has_suffix (path, export_formats[i].suffix))
      format = i;
  start_export (self, path, format);
}

static void
on_export_chooser_response (GtkNativeDialog *chooser,
                            int              response,
                            gpointer         user_data)
{
  CordWindow *self = user_data;
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;
  GtkFileFilter *filter;
  ExportFormat format = EXPORT_PNG;
  gboolean known = FALSE;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  if (file != NULL && self->document != NULL && (path = g_file_get_path (file)) != NULL)
    {
      /* The name's extension wins; otherwise the chosen filter's is added. */
      for (guint i = 0; i < G_N_ELEMENTS (export_formats); i++)
        if (g_str_has_suffix (path, export_formats[i].suffix))
          {
            format = i;
            known = TRUE;
          }
      if (!known)
        {
          filter = gtk_file_chooser_get_filter (GTK_FILE_CHOOSER (chooser));
          if (filter != NULL)
            format = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (filter), "format"));
          g_autofree char *named = g_strconcat (path, export_formats[format].suffix, NULL);
          g_free (path);
          path = g_steal_pointer (&named);
        }
      start_export (self, path, format);
    }
  else if (file != NULL && self->document != NULL)
    _cord_window_show_banner (self, _("Could not export the image"),
                              _("Patchcord writes images to local folders only. Choose a folder on this computer."),
                              CORD_WINDOW_FIX_NONE);
  g_object_unref (self);
  g_object_unref (chooser);
}

static void
export_action (GSimpleAction *action,
               GVariant      *param,
               gpointer       data)
{
  CordWindow *self = data;
  GtkFileChooserNative *chooser;
  const char *title = cord_document_get_title (self->document);
  g_autofree char *stem = g_str_has_suffix (title, ".pclab")
                          ? g_strndup (title, strlen (title) - strlen (".pclab")) : g_strdup (title);
  g_autofree char *name = g_strconcat (stem, ".png", NULL);
  GFile *lab = cord_document_get_file (self->document);

  chooser = gtk_file_chooser_native_new (_("Export Image"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  for (guint i = 0; i < G_N_ELEMENTS (export_formats); i++)
    {
      g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

      gtk_file_filter_set_name (filter, _(export_formats[i].name));
      gtk_file_filter_add_mime_type (filter, export_formats[i].mime);
      g_object_set_data (G_OBJECT (filter), "format", GUINT_TO_POINTER (i));
      gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
    }
  if (lab != NULL)
    {
      g_autoptr(GFile) folder = g_file_get_parent (lab);

      if (folder != NULL)
        gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (chooser), folder, NULL);
    }
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  g_signal_connect (chooser, "response", G_CALLBACK (on_export_chooser_response), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* The other actions. */

static void
save_action (GSimpleAction *action,
             GVariant      *param,
             gpointer       data)
{
  _cord_window_save (data, FALSE, NULL);
}

static void
save_as_action (GSimpleAction *action,
                GVariant      *param,
                gpointer       data)
{
  _cord_window_save (data, TRUE, NULL);
}

static void
close_action (GSimpleAction *action,
              GVariant      *param,
              gpointer       data)
{
  gtk_window_close (GTK_WINDOW (data));
}

static void
report_edit_error (CordWindow *self,
                   GError     *error)
{
  _cord_window_show_banner (self, error->message, NULL, CORD_WINDOW_FIX_NONE);
  self->banner_transient = TRUE;
}

static void
undo_action (GSimpleAction *action,
             GVariant      *param,
             gpointer       data)
{
  CordWindow *self = data;
  g_autoptr(GError) error = NULL;

  if (!cord_topology_undo (self->topology, &error))
    report_edit_error (self, error);
}

static void
redo_action (GSimpleAction *action,
             GVariant      *param,
             gpointer       data)
{
  CordWindow *self = data;
  g_autoptr(GError) error = NULL;

  if (!cord_topology_redo (self->topology, &error))
    report_edit_error (self, error);
}

static void
delete_action (GSimpleAction *action,
               GVariant      *param,
               gpointer       data)
{
  CordWindow *self = data;
  g_autoptr(GError) error = NULL;

  if (!cord_canvas_delete_selection (self->canvas, &error) && error != NULL)
    report_edit_error (self, error);
  _cord_window_update_actions (self);
}

static void
select_all_action (GSimpleAction *action,
                   GVariant      *param,
                   gpointer       data)
{
  CordWindow *self = data;

  cord_canvas_select_all (self->canvas);
  _cord_window_update_actions (self);
}

static void
zoom_in_action (GSimpleAction *action,
                GVariant      *param,
                gpointer       data)
{
  cord_canvas_zoom_in (CORD_WINDOW (data)->canvas);
}

static void
zoom_out_action (GSimpleAction *action,
                 GVariant      *param,
                 gpointer       data)
{
  cord_canvas_zoom_out (CORD_WINDOW (data)->canvas);
}

static void
zoom_fit_action (GSimpleAction *action,
                 GVariant      *param,
                 gpointer       data)
{
  cord_canvas_zoom_fit (CORD_WINDOW (data)->canvas);
}

static const GActionEntry win_entries[] = {
  { .name = "save", .activate = save_action },
  { .name = "save-as", .activate = save_as_action },
  { .name = "export", .activate = export_action },
  { .name = "close", .activate = close_action },
  { .name = "undo", .activate = undo_action },
  { .name = "redo", .activate = redo_action },
  { .name = "delete", .activate = delete_action },
  { .name = "select-all", .activate = select_all_action },
  { .name = "zoom-in", .activate = zoom_in_action },
  { .name = "zoom-out", .activate = zoom_out_action },
  { .name = "zoom-fit", .activate = zoom_fit_action },
};

void
_cord_window_install_actions (CordWindow *self)
{
  g_action_map_add_action_entries (G_ACTION_MAP (self), win_entries,
                                   G_N_ELEMENTS (win_entries), self);
}
